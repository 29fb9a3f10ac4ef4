import { type FulfillmentPayload, type OrderPayload, trackingOf } from '../../notifications/order-payload';
import { orderRecipient } from '../../notifications/order-recipient';
import { pickLocale } from '../../notifications/pick-locale';
import type { NotificationRequest } from '../../notifications/send-notification';
import type { ShopifyStore } from '../../storage/shopify-store';

/** How a shop's money reads in an SMS: `149.00 UZS`. */
function formatTotal(order: OrderPayload): string | null {
  if (!order.total_price) return null;
  return order.currency ? `${order.total_price} ${order.currency}` : order.total_price;
}

/** A notification request for an order-level kind, from a full order payload. */
export async function orderNotification(
  store: ShopifyStore,
  shop: string,
  order: OrderPayload,
  kind: 'order_confirmation' | 'cancellation',
  defaultCountry?: string,
): Promise<NotificationRequest> {
  const settings = await store.settings.get(shop);
  return {
    shop,
    kind,
    orderId: order.id,
    fulfillmentId: '',
    orderName: order.name ?? null,
    customerId: order.customer?.id ?? null,
    locale: pickLocale(order.customer_locale ?? order.customer?.locale, settings.defaultLocale),
    recipient: orderRecipient(order, defaultCountry),
    variables: { order_name: order.name ?? '', total: formatTotal(order) ?? '' },
  };
}

/**
 * The shipping notification of one fulfillment. With the order at hand (orders/fulfilled) its
 * phone and locale come from the order; a fulfillments/* payload carries only the destination
 * address, so the locale and name come from an earlier notification of the same order, if any.
 */
export async function shippingNotification(
  store: ShopifyStore,
  shop: string,
  fulfillment: FulfillmentPayload,
  order: OrderPayload | null,
  defaultCountry?: string,
): Promise<NotificationRequest> {
  const settings = await store.settings.get(shop);
  const earlier = order ? [] : await store.notifications.listByOrder(shop, fulfillment.order_id);
  const known = earlier.find((notification) => notification.phone !== null) ?? earlier[0];
  const recipientOrder: OrderPayload = order ?? {
    id: fulfillment.order_id,
    shipping_address: fulfillment.destination ?? null,
    phone: known?.phone ?? null,
  };
  const tracking = trackingOf(fulfillment);
  const orderName = order?.name ?? known?.orderName ?? fulfillment.name?.replace(/\.\d+$/, '') ?? null;
  return {
    shop,
    kind: 'shipping',
    orderId: fulfillment.order_id,
    fulfillmentId: fulfillment.id,
    orderName,
    customerId: order?.customer?.id ?? known?.customerId ?? null,
    locale: order
      ? pickLocale(order.customer_locale ?? order.customer?.locale, settings.defaultLocale)
      : (known?.locale ?? settings.defaultLocale),
    recipient: orderRecipient(recipientOrder, defaultCountry),
    variables: {
      order_name: orderName ?? '',
      // Without a carrier link yet, the order status page is where the customer can follow it.
      tracking_url: tracking.url ?? order?.order_status_url ?? tracking.number ?? '',
      tracking_number: tracking.number ?? '',
      carrier: fulfillment.tracking_company ?? '',
    },
  };
}
