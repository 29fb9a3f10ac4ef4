import { z } from 'zod';
import { NOTIFICATION_KINDS, TEMPLATE_LOCALES } from '../storage/shopify-store';
import type { AdminRouteContext } from './admin-route';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';

const settingsBody = z.strictObject({
  /** One switch per notification kind; kinds left out keep their value. */
  enabled: z
    .strictObject(
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean().optional()])) as Record<
        (typeof NOTIFICATION_KINDS)[number],
        z.ZodOptional<z.ZodBoolean>
      >,
    )
    .optional(),
  defaultLocale: z.enum(TEMPLATE_LOCALES).optional(),
});

/** `PUT /api/settings`: notifications on/off per kind and the language for unknown customer locales. */
export async function putSettings(ctx: AdminRouteContext): Promise<Response> {
  const input = await readJsonBody(ctx.request, settingsBody);
  const current = await ctx.deps.store.settings.get(ctx.shop);
  const enabled = { ...current.enabled };
  for (const kind of NOTIFICATION_KINDS) {
    const value = input.enabled?.[kind];
    if (value !== undefined) enabled[kind] = value;
  }
  const saved = await ctx.deps.store.settings.put({
    shop: ctx.shop,
    enabled,
    defaultLocale: input.defaultLocale ?? current.defaultLocale,
    shopName: current.shopName,
  });
  return jsonResponse(200, {
    settings: { enabled: saved.enabled, defaultLocale: saved.defaultLocale, shopName: saved.shopName },
  });
}
