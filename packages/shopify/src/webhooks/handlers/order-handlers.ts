import { checkoutReminderKey } from '../../notifications/checkout-payload';
import {
  fulfillmentPayloadSchema,
  hasTracking,
  type OrderPayload,
  orderPayloadSchema,
} from '../../notifications/order-payload';
import type { SendNotificationDeps } from '../../notifications/send-notification';
import { sendNotification } from '../../notifications/send-notification';
import type { InboxHandler } from '../inbox-worker';
import { orderNotification, shippingNotification } from './order-context';

export interface OrderHandlerOptions {
  /** For local numbers without a country code (`90 123 45 67` in a Tashkent shop): `UZ`. */
  defaultCountry?: string;
}

/**
 * The checkout became an order: its reminder row is claimed and marked skipped now, so the due
 * reminder (checkout-handlers) finds it and sends nothing. A reminder already sent stays as it is.
 */
async function closeCheckoutReminder(
  store: SendNotificationDeps['store'],
  shop: string,
  order: OrderPayload,
): Promise<void> {
  const { notification, created } = await store.notifications.claim({
    shop,
    orderId: checkoutReminderKey(order.checkout_token ?? ''),
    kind: 'abandoned_checkout',
    fulfillmentId: '',
    customerId: order.customer?.id ?? null,
    phone: null,
    locale: 'en',
    orderName: order.name ?? null,
  });
  if (created)
    await store.notifications.markSkipped(
      notification.id,
      `The customer completed the checkout (order ${order.name ?? order.id}).`,
    );
}

/**
 * One handler per order topic. Which topic sends what (issue 7):
 * - orders/create: the order confirmation;
 * - fulfillments/create: the shipping text of that fulfillment;
 * - fulfillments/update: the same shipping text, only when tracking first appears on it;
 * - orders/fulfilled: the shipping text of each fulfillment it lists (the same rows, so one SMS);
 * - orders/cancelled: the cancellation.
 * Every path goes through the notification row unique on (shop, order, kind, fulfillment).
 */
export function orderHandlers(
  deps: SendNotificationDeps,
  options: OrderHandlerOptions = {},
): Record<string, InboxHandler> {
  const { store } = deps;
  const country = options.defaultCountry;
  return {
    'orders/create': async (event, payload) => {
      const order = orderPayloadSchema.parse(payload);
      if (order.checkout_token) await closeCheckoutReminder(store, event.shop, order);
      await sendNotification(deps, await orderNotification(store, event.shop, order, 'order_confirmation', country));
    },
    'orders/cancelled': async (event, payload) => {
      const order = orderPayloadSchema.parse(payload);
      await sendNotification(deps, await orderNotification(store, event.shop, order, 'cancellation', country));
    },
    'orders/fulfilled': async (event, payload) => {
      const order = orderPayloadSchema.parse(payload);
      for (const fulfillment of order.fulfillments ?? []) {
        if (fulfillment.status === 'cancelled' || fulfillment.status === 'error' || fulfillment.status === 'failure')
          continue;
        await sendNotification(deps, await shippingNotification(store, event.shop, fulfillment, order, country));
      }
    },
    'fulfillments/create': async (event, payload) => {
      const fulfillment = fulfillmentPayloadSchema.parse(payload);
      await sendNotification(deps, await shippingNotification(store, event.shop, fulfillment, null, country));
    },
    'fulfillments/update': async (event, payload) => {
      const fulfillment = fulfillmentPayloadSchema.parse(payload);
      // Updates without tracking (status changes, delivery events) never send; with tracking,
      // the row decides: the first one sends if create did not, every later one finds the row.
      if (!hasTracking(fulfillment) || fulfillment.status === 'cancelled') return;
      await sendNotification(deps, await shippingNotification(store, event.shop, fulfillment, null, country));
    },
  };
}
