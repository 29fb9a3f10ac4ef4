import type { ComplianceStore } from '../shopify-store';
import { consentFromRow } from './consent-row';
import { notificationFromRow } from './notification-row';
import type { SqlDatabase, SqlStatement, SqlValue } from './sql-database';
import { placeholders, str } from './sql-values';

interface CustomerMatch {
  shop: string;
  customerId: string;
  phones: string[];
  orderIds: string[];
}

// Every table that holds a shop's rows; `redactShop` empties each of them for the shop.
const SHOP_TABLES = [
  'shopify_sessions',
  'shopify_connections',
  'shopify_settings',
  'shopify_templates',
  'shopify_webhook_inbox',
  'shopify_notifications',
  'shopify_consent',
  'shopify_usage_records',
] as const;

const HOLDS_PHONES: ReadonlySet<string> = new Set(['shopify_notifications', 'shopify_consent']);

const PHONES_OF_SHOP = `SELECT phone FROM shopify_notifications WHERE shop = $1 AND phone IS NOT NULL
  UNION SELECT phone FROM shopify_consent WHERE shop = $1 AND phone IS NOT NULL`;

/** WHERE clause and parameters for the customer's rows of one table: by id, phone or (notifications) order. */
function customerWhere(match: CustomerMatch, withOrders: boolean): { where: string; params: SqlValue[] } {
  const params: SqlValue[] = [match.shop, match.customerId];
  const any = ['customer_id = $2'];
  const phones = [...new Set(match.phones)];
  if (phones.length > 0) {
    any.push(`phone IN (${placeholders(params.length + 1, phones.length)})`);
    params.push(...phones);
  }
  const orderIds = [...new Set(match.orderIds)];
  if (withOrders && orderIds.length > 0) {
    any.push(`order_id IN (${placeholders(params.length + 1, orderIds.length)})`);
    params.push(...orderIds);
  }
  return { where: `shop = $1 AND (${any.join(' OR ')})`, params };
}

/** The customer's notifications and consent rows: listed (oldest first) or deleted (answering their phones). */
function customerStatements(match: CustomerMatch, action: 'select' | 'delete'): SqlStatement[] {
  const notifications = customerWhere(match, true);
  const consent = customerWhere(match, false);
  if (action === 'delete') {
    return [
      {
        sql: `DELETE FROM shopify_notifications WHERE ${notifications.where} RETURNING phone`,
        params: notifications.params,
      },
      { sql: `DELETE FROM shopify_consent WHERE ${consent.where} RETURNING phone`, params: consent.params },
    ];
  }
  return [
    {
      sql: `SELECT * FROM shopify_notifications WHERE ${notifications.where} ORDER BY created_at, id`,
      params: notifications.params,
    },
    { sql: `SELECT * FROM shopify_consent WHERE ${consent.where} ORDER BY customer_id`, params: consent.params },
  ];
}

const distinctPhones = (rows: Record<string, unknown>[]): string[] =>
  [
    ...new Set(
      rows
        .map((r) => r.phone)
        .filter((p) => p !== null && p !== undefined)
        .map(str),
    ),
  ].sort();

export function sqlComplianceStore(db: SqlDatabase): ComplianceStore {
  return {
    async exportCustomer(match) {
      const [notifications, consent] = await db.transaction(customerStatements(match, 'select'));
      const notificationRows = notifications?.rows ?? [];
      const consentRows = consent?.rows ?? [];
      return {
        shop: match.shop,
        customerId: match.customerId,
        phones: distinctPhones([...notificationRows, ...consentRows]),
        notifications: notificationRows.map(notificationFromRow),
        consent: consentRows.map(consentFromRow),
      };
    },
    async redactCustomer(match) {
      // The phones come from the deleted rows themselves (RETURNING): none is erased unreported.
      const deleted = await db.transaction(customerStatements(match, 'delete'));
      return {
        phones: distinctPhones(deleted.flatMap((r) => r.rows)),
        deleted: deleted.reduce((sum, r) => sum + r.changes, 0),
      };
    },
    async phonesOfShop(shop) {
      return distinctPhones(await db.all(PHONES_OF_SHOP, [shop]));
    },
    async redactShop(shop) {
      const deleted = await db.transaction(
        SHOP_TABLES.map((table) => ({
          sql: `DELETE FROM ${table} WHERE shop = $1${HOLDS_PHONES.has(table) ? ' RETURNING phone' : ''}`,
          params: [shop],
        })),
      );
      return {
        phones: distinctPhones(deleted.flatMap((r) => r.rows)),
        deleted: deleted.reduce((sum, r) => sum + r.changes, 0),
      };
    },
  };
}
