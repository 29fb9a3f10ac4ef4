// Times are epoch milliseconds (INTEGER); JSON is TEXT kept verbatim.
export const SQLITE_0001_INITIAL: readonly string[] = [
  `CREATE TABLE shopify_sessions (
    id TEXT PRIMARY KEY,
    shop TEXT NOT NULL,
    state TEXT NOT NULL,
    is_online INTEGER NOT NULL,
    scope TEXT,
    access_token TEXT,
    expires INTEGER,
    refresh_token TEXT,
    refresh_token_expires INTEGER,
    online_access_info TEXT,
    extra TEXT,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE INDEX shopify_sessions_shop ON shopify_sessions (shop)`,

  `CREATE TABLE shopify_connections (
    shop TEXT PRIMARY KEY,
    connection_id TEXT NOT NULL UNIQUE,
    karvon_base_url TEXT NOT NULL,
    karvon_api_key TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    webhook_endpoint_id TEXT,
    webhook_secret TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,

  `CREATE TABLE shopify_settings (
    shop TEXT PRIMARY KEY,
    enabled TEXT NOT NULL,
    default_locale TEXT NOT NULL,
    shop_name TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  )`,

  `CREATE TABLE shopify_templates (
    shop TEXT NOT NULL,
    kind TEXT NOT NULL,
    locale TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (shop, kind, locale)
  )`,

  `CREATE TABLE shopify_webhook_inbox (
    id TEXT PRIMARY KEY,
    shop TEXT NOT NULL,
    event_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    webhook_id TEXT,
    api_version TEXT,
    payload TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    received_at INTEGER NOT NULL,
    available_at INTEGER NOT NULL,
    lease_until INTEGER,
    last_error TEXT,
    UNIQUE (shop, event_id)
  )`,
  `CREATE INDEX shopify_webhook_inbox_due ON shopify_webhook_inbox (status, available_at)`,
  `CREATE INDEX shopify_webhook_inbox_lease ON shopify_webhook_inbox (status, lease_until)`,

  `CREATE TABLE shopify_notifications (
    id TEXT PRIMARY KEY,
    shop TEXT NOT NULL,
    order_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    fulfillment_id TEXT NOT NULL,
    customer_id TEXT,
    phone TEXT,
    locale TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    order_name TEXT,
    gateway_message_id TEXT,
    gateway_status TEXT,
    segments INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (shop, order_id, kind, fulfillment_id)
  )`,
  `CREATE INDEX shopify_notifications_gateway_message ON shopify_notifications (gateway_message_id)`,
  `CREATE INDEX shopify_notifications_newest ON shopify_notifications (shop, created_at, id)`,
  `CREATE INDEX shopify_notifications_customer ON shopify_notifications (shop, customer_id)`,
  `CREATE INDEX shopify_notifications_phone ON shopify_notifications (shop, phone)`,

  `CREATE TABLE shopify_consent (
    shop TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    phone TEXT,
    state TEXT NOT NULL,
    source TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (shop, customer_id)
  )`,
  `CREATE INDEX shopify_consent_phone ON shopify_consent (shop, phone)`,

  `CREATE TABLE shopify_usage_records (
    notification_id TEXT PRIMARY KEY,
    shop TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    shopify_usage_record_id TEXT,
    error TEXT,
    created_at INTEGER NOT NULL
  )`,
  `CREATE INDEX shopify_usage_records_shop ON shopify_usage_records (shop, created_at)`,

  // withLock's leases (PostgreSQL uses advisory locks instead).
  `CREATE TABLE shopify_locks (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  )`,
];
