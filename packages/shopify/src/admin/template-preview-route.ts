import { z } from 'zod';
import { renderTemplate } from '../notifications/render-template';
import { NOTIFICATION_KINDS, TEMPLATE_LOCALES } from '../storage/shopify-store';
import { type AdminRouteContext, GATEWAY_CALL_OPTIONS } from './admin-route';
import { effectiveTemplate } from './effective-templates';
import { type DisplayMoney, formatMoney } from './format-money';
import { gatewayProblem } from './gateway-problem';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import { sampleVariables } from './sample-variables';
import { assertKnownVariables, templateBodySchema } from './template-routes';

const previewBody = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  locale: z.enum(TEMPLATE_LOCALES),
  /** A draft; without it the saved (or default) text is previewed. */
  body: templateBodySchema.optional(),
});

/** Our renderer has no escapes, the gateway's has `{{`/`}}`: the rendered text goes as a literal. */
function asLiteralGatewayTemplate(text: string): string {
  return text.replaceAll('{', '{{').replaceAll('}', '}}');
}

export interface TemplatePreviewView {
  text: string;
  /** From the gateway; null when it could not be asked (see gatewayError). */
  encoding: string | null;
  segments: number | null;
  price: DisplayMoney | null;
  gatewayError: string | null;
}

/**
 * `POST /api/templates/preview`: renders with sample values here (our renderer is the one orders
 * use), then asks the merchant's gateway what that text costs: encoding, segments and price for
 * its default destination. Without a connection, or with the gateway down, the text still comes back.
 */
export async function previewTemplate(ctx: AdminRouteContext): Promise<Response> {
  const input = await readJsonBody(ctx.request, previewBody);
  const [settings, saved, connection] = await Promise.all([
    ctx.deps.store.settings.get(ctx.shop),
    input.body === undefined ? ctx.deps.store.settings.listTemplates(ctx.shop) : Promise.resolve([]),
    ctx.deps.store.connections.get(ctx.shop),
  ]);
  const body = input.body ?? effectiveTemplate(saved, input.kind, input.locale).body;
  assertKnownVariables(body);
  const { text } = renderTemplate(body, sampleVariables(settings.shopName));
  const view: TemplatePreviewView = { text, encoding: null, segments: null, price: null, gatewayError: null };
  if (!connection) {
    view.gatewayError = 'Connect a Karvon account to see segments and price.';
  } else if (text !== '') {
    try {
      const preview = await ctx.deps
        .karvonFor(connection)
        .templates.preview({ body: asLiteralGatewayTemplate(text) }, GATEWAY_CALL_OPTIONS);
      view.encoding = preview.encoding;
      view.segments = preview.segments;
      view.price = preview.price ? formatMoney(preview.price) : null;
    } catch (error) {
      view.gatewayError = gatewayProblem(error).message;
    }
  }
  return jsonResponse(200, { preview: view });
}
