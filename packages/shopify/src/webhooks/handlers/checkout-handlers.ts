import { mayReceiveMarketing } from '../../consent/may-receive-marketing';
import { checkoutPayloadSchema, checkoutReminderKey } from '../../notifications/checkout-payload';
import { orderRecipient } from '../../notifications/order-recipient';
import { pickLocale } from '../../notifications/pick-locale';
import { type SendNotificationDeps, sendNotification } from '../../notifications/send-notification';
import type { InboxHandler } from '../inbox-worker';

/** The app's own delayed event: a checkout's reminder falls due. Stored in the inbox like webhooks. */
export const ABANDONED_CHECKOUT_DUE_TOPIC = 'karvon-app/abandoned_checkout_due';

export interface CheckoutHandlerOptions {
  delayMinutes: number;
  now: () => number;
  defaultCountry?: string;
}

/**
 * The abandoned-checkout reminder, a marketing SMS:
 * - `checkouts/create` schedules it in the inbox (`availableAt` = now + the delay), keyed by the
 *   checkout token, so redeliveries schedule it once;
 * - `orders/create` of that checkout claims the reminder's notification row first and marks it
 *   skipped (order-handlers), so the due event finds the row and sends nothing;
 * - when due, it goes out only with SMS marketing consent: the box ticked at checkout (recorded at
 *   the gateway as consent from `shopify_checkout`), or the customer's consent as last synced.
 */
export function checkoutHandlers(
  deps: SendNotificationDeps,
  options: CheckoutHandlerOptions,
): Record<string, InboxHandler> {
  const { store } = deps;
  return {
    'checkouts/create': async (event, payload) => {
      const checkout = checkoutPayloadSchema.parse(payload);
      if (checkout.completed_at) return;
      if (!(await store.settings.get(event.shop)).enabled.abandoned_checkout) return;
      await store.inbox.insert({
        shop: event.shop,
        eventId: `abandoned-checkout:${checkout.token}`,
        topic: ABANDONED_CHECKOUT_DUE_TOPIC,
        webhookId: null,
        apiVersion: event.apiVersion,
        payload: event.payload,
        availableAt: options.now() + options.delayMinutes * 60_000,
      });
    },
    [ABANDONED_CHECKOUT_DUE_TOPIC]: async (event, payload) => {
      const checkout = checkoutPayloadSchema.parse(payload);
      const settings = await store.settings.get(event.shop);
      const customerId = checkout.customer?.id ?? null;
      const ticked = checkout.buyer_accepts_sms_marketing === true;
      const recipient = orderRecipient(
        {
          id: checkoutReminderKey(checkout.token),
          // The number given for SMS marketing first, then the checkout's own.
          phone: checkout.sms_marketing_phone ?? checkout.phone ?? null,
          shipping_address: checkout.shipping_address ?? null,
          billing_address: checkout.billing_address ?? null,
          customer: checkout.customer ?? null,
        },
        options.defaultCountry,
      );
      const request = {
        shop: event.shop,
        kind: 'abandoned_checkout' as const,
        orderId: checkoutReminderKey(checkout.token),
        fulfillmentId: '',
        orderName: null,
        customerId,
        locale: pickLocale(checkout.customer_locale ?? checkout.customer?.locale, settings.defaultLocale),
        recipient,
        variables: {
          checkout_url: checkout.abandoned_checkout_url ?? `https://${event.shop}/cart`,
          total: checkout.total_price ? `${checkout.total_price} ${checkout.currency ?? ''}`.trim() : '',
          order_name: '',
        },
        messageType: 'marketing' as const,
        ...(ticked ? { gatewayConsentSource: 'shopify_checkout' } : {}),
      };
      const consented = ticked || (customerId !== null && (await mayReceiveMarketing(store, event.shop, customerId)));
      if (consented) {
        await sendNotification(deps, request);
        return;
      }
      // No consent: the row records why nothing went out, for the merchant's log.
      const { notification, created } = await store.notifications.claim({ ...request, phone: recipient.phone });
      if (created) {
        await store.notifications.markSkipped(notification.id, 'No SMS marketing consent: the reminder is marketing.');
      }
    },
  };
}
