import type { SessionStorage } from '@shopify/shopify-app-session-storage';

/**
 * Everything the app keeps, behind one interface with a SQLite implementation (default, a
 * file under the data directory) and a PostgreSQL one (`DATABASE_URL`). The same conformance
 * battery runs against both. Times are epoch milliseconds; ids are opaque strings.
 */
export interface ShopifyStore {
  /** Shopify's own interface, so `@shopify/shopify-api` sessions (offline, expiring) live here. */
  readonly sessions: SessionStorage & SessionStorageExtras;
  readonly connections: ConnectionStore;
  readonly settings: SettingsStore;
  readonly inbox: WebhookInbox;
  readonly notifications: NotificationStore;
  readonly consent: ConsentStore;
  readonly usage: UsageStore;
  readonly compliance: ComplianceStore;
  /**
   * Runs `work` while holding a named lock across every process on this database (PostgreSQL
   * advisory lock; SQLite: a lease row, since SQLite has one writer anyway). Used to serialise
   * token refreshes per shop.
   */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  readonly dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

export interface SessionStorageExtras {
  /** The shop's offline session (`offline_{shop}`), if installed. */
  loadOfflineSession(shop: string): ReturnType<SessionStorage['loadSession']>;
  /** Removes every session of these shops; answers how many were removed. */
  deleteShopSessions(shop: string): Promise<number>;
}

export type NotificationKind = 'order_confirmation' | 'shipping' | 'cancellation' | 'abandoned_checkout';
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'order_confirmation',
  'shipping',
  'cancellation',
  'abandoned_checkout',
];
/** Marketing: sent only with SMS marketing consent, and off until the merchant turns it on. */
export const MARKETING_KINDS: readonly NotificationKind[] = ['abandoned_checkout'];
export type TemplateLocale = 'en' | 'ru' | 'uz';
export const TEMPLATE_LOCALES: readonly TemplateLocale[] = ['en', 'ru', 'uz'];
export type BillingMode = 'shopify' | 'karvon';

/** A shop connected to a Karvon account. */
export interface ShopConnection {
  shop: string;
  /** `con_…`: names the gateway webhook path `/karvon/webhooks/{connectionId}`. */
  connectionId: string;
  karvonBaseUrl: string;
  /** The merchant's restricted key. Kept to call the gateway; never logged or returned by the admin API. */
  karvonApiKey: string;
  senderId: string;
  /** The gateway webhook endpoint registered for this connection, and its `whsec_` secret. */
  webhookEndpointId: string | null;
  webhookSecret: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ConnectionStore {
  upsert(connection: Omit<ShopConnection, 'createdAt' | 'updatedAt'>): Promise<ShopConnection>;
  get(shop: string): Promise<ShopConnection | null>;
  getById(connectionId: string): Promise<ShopConnection | null>;
  delete(shop: string): Promise<boolean>;
}

export interface ShopSettings {
  shop: string;
  enabled: Record<NotificationKind, boolean>;
  /** Used when the customer's locale is none of ours. */
  defaultLocale: TemplateLocale;
  /** Shown as `{shop_name}`; refreshed from the Admin API on connect. */
  shopName: string;
  updatedAt: number;
}

export interface TemplateRecord {
  shop: string;
  kind: NotificationKind;
  locale: TemplateLocale;
  body: string;
  updatedAt: number;
}

export interface SettingsStore {
  /** Defaults (transactional kinds on, marketing kinds off, `en`, shop name = shop) when nothing is stored yet. */
  get(shop: string): Promise<ShopSettings>;
  put(settings: Omit<ShopSettings, 'updatedAt'>): Promise<ShopSettings>;
  /** The merchant's edited templates only; defaults live in code (notifications/default-templates). */
  listTemplates(shop: string): Promise<TemplateRecord[]>;
  putTemplate(template: Omit<TemplateRecord, 'updatedAt'>): Promise<TemplateRecord>;
  /** Back to the default text. */
  deleteTemplate(shop: string, kind: NotificationKind, locale: TemplateLocale): Promise<boolean>;
}

export type InboxStatus = 'pending' | 'processing' | 'done' | 'failed';

/** A verified platform webhook, stored before Shopify gets its 200. */
export interface InboxEvent {
  id: string;
  shop: string;
  /** `X-Shopify-Event-Id`: the same across Shopify's redeliveries of one event. */
  eventId: string;
  topic: string;
  webhookId: string | null;
  apiVersion: string | null;
  /** The raw JSON body, kept verbatim until processed (then erased, see complete()). */
  payload: string;
  status: InboxStatus;
  attempts: number;
  receivedAt: number;
  /** Not claimable before this. */
  availableAt: number;
  lastError: string | null;
}

export interface WebhookInbox {
  /** Inserts unless (shop, eventId) is already there; `inserted: false` means a redelivery. */
  insert(event: {
    shop: string;
    eventId: string;
    topic: string;
    webhookId: string | null;
    apiVersion: string | null;
    payload: string;
    /** Not claimable before this (work the app schedules for itself); default now. */
    availableAt?: number;
  }): Promise<{ inserted: boolean; event: InboxEvent }>;
  /**
   * Claims up to `limit` due events (pending, or processing with an expired lease) for `leaseMs`.
   * Taking back an expired lease counts as an attempt (its process stopped mid-way).
   */
  claim(limit: number, leaseMs: number): Promise<InboxEvent[]>;
  /** Done: the payload is cleared (it holds customer data), the row stays as the dedupe key. */
  complete(id: string): Promise<void>;
  /** Back to pending at `availableAt`, attempts + 1; after `maxAttempts` it becomes `failed`. */
  retryLater(id: string, error: string, availableAt: number, maxAttempts: number): Promise<InboxStatus>;
  /** Counts by status, for the admin page and tests; `origin` keeps the platform's or the gateway's events only. */
  counts(shop?: string, origin?: 'platform' | 'karvon'): Promise<Record<InboxStatus, number>>;
}

export type NotificationStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/**
 * One SMS the app decided to send. Unique on (shop, orderId, kind, fulfillmentId) — `fulfillmentId`
 * is '' for order-level kinds — and its `id` is the gateway `Idempotency-Key`, so no two topics
 * about one event ever send two messages.
 */
export interface NotificationRecord {
  id: string;
  shop: string;
  orderId: string;
  kind: NotificationKind;
  fulfillmentId: string;
  customerId: string | null;
  /** E.164, or null when the order had none or Shopify redacted it. */
  phone: string | null;
  locale: TemplateLocale;
  status: NotificationStatus;
  /** Why it was skipped or failed, in words the merchant reads in the log. */
  reason: string | null;
  orderName: string | null;
  gatewayMessageId: string | null;
  /** The gateway's message status (queued, sent, delivered, failed…), updated from its webhooks. */
  gatewayStatus: string | null;
  segments: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface NotificationStore {
  /** Creates the row as `pending`, or returns the existing one (`created: false`). */
  claim(input: {
    shop: string;
    orderId: string;
    kind: NotificationKind;
    fulfillmentId: string;
    customerId: string | null;
    phone: string | null;
    locale: TemplateLocale;
    orderName: string | null;
  }): Promise<{ notification: NotificationRecord; created: boolean }>;
  get(id: string): Promise<NotificationRecord | null>;
  /** Every notification of one order, oldest first (fulfillment topics borrow the order's locale and name). */
  listByOrder(shop: string, orderId: string): Promise<NotificationRecord[]>;
  markSent(id: string, sent: { gatewayMessageId: string; gatewayStatus: string; segments: number }): Promise<void>;
  markSkipped(id: string, reason: string): Promise<void>;
  markFailed(id: string, reason: string): Promise<void>;
  /** From the gateway's `message.*` webhooks; a no-op for unknown ids. */
  updateGatewayStatus(gatewayMessageId: string, gatewayStatus: string, reason?: string | null): Promise<void>;
  /** Newest first; `before` is the `createdAt|id` cursor of the last row of the previous page. */
  list(
    shop: string,
    page: { limit: number; before?: string },
  ): Promise<{ items: NotificationRecord[]; next: string | null }>;
}

export type MarketingConsentState =
  | 'subscribed'
  | 'not_subscribed'
  | 'unsubscribed'
  | 'pending'
  | 'redacted'
  | 'invalid';

/** The customer's SMS marketing consent as last seen from either side. */
export interface ConsentRecord {
  shop: string;
  customerId: string;
  phone: string | null;
  state: MarketingConsentState;
  /** `shopify` when it came from a Shopify webhook, `karvon` when from an opt_out.changed. */
  source: 'shopify' | 'karvon';
  updatedAt: number;
}

export interface ConsentStore {
  put(record: Omit<ConsentRecord, 'updatedAt'>): Promise<ConsentRecord>;
  get(shop: string, customerId: string): Promise<ConsentRecord | null>;
  findByPhone(shop: string, phone: string): Promise<ConsentRecord[]>;
}

/** One usage charge per sent SMS when billing goes through Shopify. */
export interface UsageRecord {
  shop: string;
  notificationId: string;
  /** Price in the shop's billing currency, as a decimal string. */
  amount: string;
  currency: string;
  status: 'pending' | 'charged' | 'failed';
  shopifyUsageRecordId: string | null;
  error: string | null;
  createdAt: number;
}

export interface UsageStore {
  /** Idempotent on notificationId. */
  record(input: { shop: string; notificationId: string; amount: string; currency: string }): Promise<UsageRecord>;
  markCharged(notificationId: string, shopifyUsageRecordId: string): Promise<void>;
  markFailed(notificationId: string, error: string): Promise<void>;
  list(shop: string): Promise<UsageRecord[]>;
}

/** What the app stores about a customer, for `customers/data_request`. */
export interface CustomerDataExport {
  shop: string;
  customerId: string;
  phones: string[];
  notifications: NotificationRecord[];
  consent: ConsentRecord[];
}

export interface ComplianceStore {
  /** Customer rows by id, plus notifications/consent for any of `phones` or `orderIds`. */
  exportCustomer(input: {
    shop: string;
    customerId: string;
    phones: string[];
    orderIds: string[];
  }): Promise<CustomerDataExport>;
  /** Deletes those rows; answers the phones that were stored, so the gateway can erase them too. */
  redactCustomer(input: { shop: string; customerId: string; phones: string[]; orderIds: string[] }): Promise<{
    phones: string[];
    deleted: number;
  }>;
  /** Every distinct phone the shop's rows hold (notifications, consent), read before `redactShop`. */
  phonesOfShop(shop: string): Promise<string[]>;
  /** Everything of the shop: sessions, connection, settings, templates, inbox, notifications, consent, usage. */
  redactShop(shop: string): Promise<{ phones: string[]; deleted: number }>;
}
