import { APIError } from '@karvon/sdk';
import { checkPhoneNumber, maskPhoneNumber } from '@karvon/sdk/phone';
import { z } from 'zod';
import { NOTIFICATION_KINDS, TEMPLATE_LOCALES } from '../storage/shopify-store';
import { AdminApiError } from './admin-error';
import type { AdminRouteContext } from './admin-route';
import { gatewayProblem } from './gateway-problem';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';

const testSendBody = z.strictObject({
  phone: z.string().max(40),
  kind: z.enum(NOTIFICATION_KINDS),
  locale: z.enum(TEMPLATE_LOCALES),
});

/** The gateway masks numbers itself; this makes sure no copy of this one leaks through its words. */
function withoutNumber(text: string, e164: string): string {
  return text.replaceAll(e164, maskPhoneNumber(e164)).replaceAll(e164.slice(1), maskPhoneNumber(e164));
}

/**
 * `POST /api/test-send`: the notification's current text (sample values) to the merchant's own
 * phone, through their connection. Uzbek numbers may be typed in local form (`90 123 45 67`).
 */
export async function postTestSend(ctx: AdminRouteContext): Promise<Response> {
  const input = await readJsonBody(ctx.request, testSendBody);
  const checked = checkPhoneNumber(input.phone, { defaultCountry: 'UZ' });
  if (!checked.valid) {
    throw new AdminApiError('validation_failed', 'Enter a mobile number, such as +998 90 123 45 67.', {
      field: 'phone',
    });
  }
  const phone = checked.e164;
  if (!(await ctx.deps.store.connections.get(ctx.shop))) throw new AdminApiError('not_connected');
  try {
    const sent = await ctx.deps.sendTest({ shop: ctx.shop, phone, kind: input.kind, locale: input.locale });
    return jsonResponse(200, { ...sent, phone: maskPhoneNumber(phone) });
  } catch (error) {
    if (APIError.isInstance(error) && error.status >= 400 && error.status < 500 && ![401, 403].includes(error.status)) {
      const detail = error.detail ?? error.title ?? error.code ?? `status ${error.status}`;
      throw new AdminApiError(
        'send_rejected',
        withoutNumber(`The gateway did not accept the test message: ${detail}`, phone),
        {
          field: 'phone',
          ...(error.code ? { gatewayCode: error.code } : {}),
        },
      );
    }
    throw gatewayProblem(error);
  }
}
