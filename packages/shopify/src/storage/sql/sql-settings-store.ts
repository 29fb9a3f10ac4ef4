import {
  MARKETING_KINDS,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type SettingsStore,
  type ShopSettings,
  TEMPLATE_LOCALES,
  type TemplateLocale,
  type TemplateRecord,
} from '../shopify-store';
import type { SqlDatabase } from './sql-database';
import { num, type Row, str } from './sql-values';

// Transactional kinds start on; marketing kinds start off until the merchant turns them on.
const allEnabled = (): Record<NotificationKind, boolean> =>
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, !MARKETING_KINDS.includes(kind)])) as Record<
    NotificationKind,
    boolean
  >;

function settings(r: Row): ShopSettings {
  // Stored as JSON over the defaults, so a kind added later starts at its default for existing shops.
  const stored = JSON.parse(str(r.enabled)) as Partial<Record<NotificationKind, boolean>>;
  const enabled = allEnabled();
  for (const kind of NOTIFICATION_KINDS) if (typeof stored[kind] === 'boolean') enabled[kind] = stored[kind];
  const locale = str(r.default_locale) as TemplateLocale;
  return {
    shop: str(r.shop),
    enabled,
    defaultLocale: TEMPLATE_LOCALES.includes(locale) ? locale : 'en',
    shopName: str(r.shop_name),
    updatedAt: num(r.updated_at),
  };
}

function template(r: Row): TemplateRecord {
  return {
    shop: str(r.shop),
    kind: str(r.kind) as NotificationKind,
    locale: str(r.locale) as TemplateLocale,
    body: str(r.body),
    updatedAt: num(r.updated_at),
  };
}

export function sqlSettingsStore(db: SqlDatabase, now: () => number): SettingsStore {
  return {
    async get(shop) {
      const row = await db.get(`SELECT * FROM shopify_settings WHERE shop = $1`, [shop]);
      // Never saved: the defaults, with updatedAt 0 to say so.
      return row ? settings(row) : { shop, enabled: allEnabled(), defaultLocale: 'en', shopName: shop, updatedAt: 0 };
    },
    async put(s) {
      const row = await db.get(
        `INSERT INTO shopify_settings (shop, enabled, default_locale, shop_name, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (shop) DO UPDATE SET
           enabled = excluded.enabled,
           default_locale = excluded.default_locale,
           shop_name = excluded.shop_name,
           updated_at = excluded.updated_at
         RETURNING *`,
        [s.shop, JSON.stringify(s.enabled), s.defaultLocale, s.shopName, now()],
      );
      return settings(row!);
    },
    async listTemplates(shop) {
      const rows = await db.all(`SELECT * FROM shopify_templates WHERE shop = $1 ORDER BY kind, locale`, [shop]);
      return rows.map(template);
    },
    async putTemplate(t) {
      const row = await db.get(
        `INSERT INTO shopify_templates (shop, kind, locale, body, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (shop, kind, locale) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
         RETURNING *`,
        [t.shop, t.kind, t.locale, t.body, now()],
      );
      return template(row!);
    },
    async deleteTemplate(shop, kind, locale) {
      const changes = await db.run(`DELETE FROM shopify_templates WHERE shop = $1 AND kind = $2 AND locale = $3`, [
        shop,
        kind,
        locale,
      ]);
      return changes > 0;
    },
  };
}
