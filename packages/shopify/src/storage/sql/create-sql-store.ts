import type { ShopifyStore } from '../shopify-store';
import { sqlComplianceStore } from './sql-compliance-store';
import { sqlConnectionStore } from './sql-connection-store';
import { sqlConsentStore } from './sql-consent-store';
import type { SqlDatabase } from './sql-database';
import { sqlNotificationStore } from './sql-notification-store';
import { sqlSessionStorage } from './sql-session-storage';
import { sqlSettingsStore } from './sql-settings-store';
import { sqlUsageStore } from './sql-usage-store';
import { sqlWebhookInbox } from './sql-webhook-inbox';

/** The store over a migrated database: the same SQL for both dialects, apart from what SqlDatabase hides. */
export function createSqlStore(db: SqlDatabase, now: () => number): ShopifyStore {
  return {
    dialect: db.dialect,
    sessions: sqlSessionStorage(db, now),
    connections: sqlConnectionStore(db, now),
    settings: sqlSettingsStore(db, now),
    inbox: sqlWebhookInbox(db, now),
    notifications: sqlNotificationStore(db, now),
    consent: sqlConsentStore(db, now),
    usage: sqlUsageStore(db, now),
    compliance: sqlComplianceStore(db),
    withLock: (name, work) => db.withLock(name, work),
    close: () => db.close(),
  };
}
