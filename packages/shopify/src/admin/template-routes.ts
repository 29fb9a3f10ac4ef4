import { z } from 'zod';
import { TEMPLATE_VARIABLES } from '../notifications/default-templates';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  TEMPLATE_LOCALES,
  type TemplateLocale,
} from '../storage/shopify-store';
import { AdminApiError } from './admin-error';
import type { AdminRouteContext } from './admin-route';
import { effectiveTemplate, effectiveTemplates } from './effective-templates';
import { findUnknownVariables } from './find-unknown-variables';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';

/** The gateway's body limit (SEND_LIMITS.maxBodyLength); a rendered text only grows from here. */
export const MAX_TEMPLATE_LENGTH = 1600;

export const templateBodySchema = z
  .string()
  .max(MAX_TEMPLATE_LENGTH, `A template has at most ${MAX_TEMPLATE_LENGTH} characters`)
  .refine((body) => body.trim() !== '', 'The template is empty')
  // Half a surrogate pair or a control character cannot be sent as SMS text (nor stored as UTF-8).
  .refine((body) => !/\p{Cs}|(?![\n\r\t])\p{Cc}/u.test(body), 'The template has characters that cannot be sent');

const putTemplateBody = z.strictObject({ body: templateBodySchema });

function isNotificationKind(value: unknown): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly unknown[]).includes(value);
}

function isTemplateLocale(value: unknown): value is TemplateLocale {
  return (TEMPLATE_LOCALES as readonly unknown[]).includes(value);
}

/** The `{kind}/{locale}` of a template route, or 404. */
function templateTarget(ctx: AdminRouteContext): { kind: NotificationKind; locale: TemplateLocale } {
  const { kind, locale } = ctx.params;
  if (!isNotificationKind(kind)) throw new AdminApiError('not_found', `There is no notification "${kind}".`);
  if (!isTemplateLocale(locale)) throw new AdminApiError('not_found', `There are no templates in "${locale}".`);
  return { kind, locale };
}

/** 422 naming the placeholders that no order can fill. */
export function assertKnownVariables(body: string, field = 'body'): void {
  const unknown = findUnknownVariables(body);
  if (unknown.length === 0) return;
  throw new AdminApiError(
    'unknown_variables',
    `Unknown variable${unknown.length > 1 ? 's' : ''}: ${unknown.map((name) => `{${name}}`).join(', ')}. Use ${TEMPLATE_VARIABLES.map((name) => `{${name}}`).join(', ')}.`,
    { field, unknown },
  );
}

/** `GET /api/templates`: the text of every kind × locale, whether it is the default, and the variables. */
export async function listTemplates(ctx: AdminRouteContext): Promise<Response> {
  const saved = await ctx.deps.store.settings.listTemplates(ctx.shop);
  return jsonResponse(200, {
    kinds: NOTIFICATION_KINDS,
    locales: TEMPLATE_LOCALES,
    variables: TEMPLATE_VARIABLES,
    templates: effectiveTemplates(saved),
  });
}

/** `PUT /api/templates/{kind}/{locale}`: saves the merchant's text. */
export async function putTemplate(ctx: AdminRouteContext): Promise<Response> {
  const { kind, locale } = templateTarget(ctx);
  const { body } = await readJsonBody(ctx.request, putTemplateBody);
  assertKnownVariables(body);
  await ctx.deps.store.settings.putTemplate({ shop: ctx.shop, kind, locale, body });
  const saved = await ctx.deps.store.settings.listTemplates(ctx.shop);
  return jsonResponse(200, { template: effectiveTemplate(saved, kind, locale) });
}

/** `DELETE /api/templates/{kind}/{locale}`: back to the default text. */
export async function deleteTemplate(ctx: AdminRouteContext): Promise<Response> {
  const { kind, locale } = templateTarget(ctx);
  await ctx.deps.store.settings.deleteTemplate(ctx.shop, kind, locale);
  const saved = await ctx.deps.store.settings.listTemplates(ctx.shop);
  return jsonResponse(200, { template: effectiveTemplate(saved, kind, locale) });
}
