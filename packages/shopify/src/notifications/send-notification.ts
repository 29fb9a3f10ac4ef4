import { APIError, type Karvon } from '@karvon/sdk';
import { maskPhoneNumber } from '@karvon/sdk/phone';
import type { AppLogger } from '../app-logger';
import type {
  NotificationKind,
  NotificationRecord,
  ShopConnection,
  ShopifyStore,
  TemplateLocale,
} from '../storage/shopify-store';
import { DEFAULT_TEMPLATES } from './default-templates';
import type { OrderRecipient } from './order-recipient';
import { renderTemplate } from './render-template';

export interface SendNotificationDeps {
  store: ShopifyStore;
  karvonFor(connection: ShopConnection): Karvon;
  logger: AppLogger;
  /** Bills the sent SMS (Shopify usage charge or nothing); failures there never resend the SMS. */
  charge?(input: { shop: string; notificationId: string; segments: number }): Promise<unknown>;
}

export interface NotificationRequest {
  shop: string;
  kind: NotificationKind;
  orderId: string;
  /** '' for order-level kinds (confirmation, cancellation). */
  fulfillmentId: string;
  orderName: string | null;
  customerId: string | null;
  locale: TemplateLocale;
  recipient: OrderRecipient;
  /** Template variables from the payload; `shop_name`, `first_name` and `last_name` are added here. */
  variables: Record<string, string | null>;
  /** Default `transactional`. A marketing send needs the recipient's consent at the gateway. */
  messageType?: 'transactional' | 'marketing';
  /**
   * Consent the customer gave on the platform (e.g. the SMS marketing box at checkout), recorded at
   * the gateway before a marketing send, with this source.
   */
  gatewayConsentSource?: string;
}

export type NotificationOutcome =
  | { outcome: 'disabled' }
  | { outcome: 'duplicate'; notification: NotificationRecord }
  | { outcome: 'sent'; notification: NotificationRecord }
  | { outcome: 'skipped' | 'failed'; notification: NotificationRecord; reason: string };

/**
 * Sends one order notification exactly once. The row claimed on (shop, order, kind, fulfillment)
 * decides it: a second topic or a redelivery finds the row and sends nothing. The row's id is the
 * gateway's `Idempotency-Key`, so when a crash or a network error leaves a row `pending`, the retry
 * sends again with the same key and the gateway answers with the message it already accepted.
 */
export async function sendNotification(
  deps: SendNotificationDeps,
  request: NotificationRequest,
): Promise<NotificationOutcome> {
  const { store } = deps;
  const settings = await store.settings.get(request.shop);
  if (!settings.enabled[request.kind]) return { outcome: 'disabled' };

  const { notification, created } = await store.notifications.claim({
    shop: request.shop,
    orderId: request.orderId,
    kind: request.kind,
    fulfillmentId: request.fulfillmentId,
    customerId: request.customerId,
    phone: request.recipient.phone,
    locale: request.locale,
    orderName: request.orderName,
  });
  if (!created && notification.status !== 'pending') return { outcome: 'duplicate', notification };

  const skip = async (reason: string): Promise<NotificationOutcome> => {
    await store.notifications.markSkipped(notification.id, reason);
    deps.logger.info('notification skipped', {
      shop: request.shop,
      kind: request.kind,
      notificationId: notification.id,
      reason,
    });
    return { outcome: 'skipped', notification: { ...notification, status: 'skipped', reason }, reason };
  };
  const fail = async (reason: string): Promise<NotificationOutcome> => {
    await store.notifications.markFailed(notification.id, reason);
    deps.logger.warn('notification failed', {
      shop: request.shop,
      kind: request.kind,
      notificationId: notification.id,
      reason,
    });
    return { outcome: 'failed', notification: { ...notification, status: 'failed', reason }, reason };
  };

  const connection = await store.connections.get(request.shop);
  if (!connection) return skip('Karvon is not connected: connect an account in the app to send SMS.');
  // The row keeps the phone seen at first claim; a retry uses that one, not a later payload's.
  const phone = notification.phone;
  if (!phone)
    return skip(request.recipient.phone === null ? request.recipient.reason : 'The order has no phone number.');

  const templates = await store.settings.listTemplates(request.shop);
  const locale = notification.locale;
  const body =
    templates.find((template) => template.kind === request.kind && template.locale === locale)?.body ??
    DEFAULT_TEMPLATES[request.kind][locale];
  const { text } = renderTemplate(body, {
    shop_name: settings.shopName,
    first_name: request.recipient.phone === null ? null : request.recipient.firstName,
    last_name: request.recipient.phone === null ? null : request.recipient.lastName,
    ...request.variables,
  });

  let result: Awaited<ReturnType<Karvon['messages']['send']>>;
  const karvon = deps.karvonFor(connection);
  try {
    if (request.messageType === 'marketing' && request.gatewayConsentSource) {
      await karvon.consents.create({ phoneNumber: phone, source: request.gatewayConsentSource });
    }
    result = await karvon.messages.send(
      {
        to: phone,
        from: connection.senderId,
        body: text,
        type: request.messageType ?? 'transactional',
        smartEncoding: true,
        clientReference: notification.id,
        metadata: { shop: request.shop, orderId: request.orderId, kind: request.kind },
      },
      { idempotencyKey: notification.id },
    );
  } catch (error) {
    // A definite answer about this message (bad sender, opted out, no balance, bad key) ends it;
    // anything else (timeouts, 5xx after the SDK's retries) is retried by the inbox with the same key.
    if (error instanceof APIError && error.code === 'opted_out') return skip('The customer opted out of SMS (STOP).');
    if (error instanceof APIError && error.code === 'consent_required') {
      return skip('No SMS marketing consent for this number at Karvon.');
    }
    if (
      error instanceof APIError &&
      error.status >= 400 &&
      error.status < 500 &&
      error.status !== 408 &&
      error.status !== 429
    ) {
      return fail(
        `Karvon refused the message: ${error.code ?? error.status}${error.detail ? ` (${error.detail})` : ''}`,
      );
    }
    throw error;
  }
  const outcome = result.results[0];
  if (!outcome) throw new Error('the gateway answered without a result');
  if (outcome.status === 'rejected') {
    const reason = `Karvon refused the message: ${outcome.error.code} (${outcome.error.detail})`;
    return outcome.error.code === 'opted_out' ? skip(reason) : fail(reason);
  }
  await store.notifications.markSent(notification.id, {
    gatewayMessageId: outcome.id,
    gatewayStatus: outcome.messageStatus,
    segments: outcome.segments,
  });
  deps.logger.info('notification sent', {
    shop: request.shop,
    kind: request.kind,
    notificationId: notification.id,
    to: maskPhoneNumber(phone),
    segments: outcome.segments,
  });
  if (deps.charge) {
    try {
      await deps.charge({ shop: request.shop, notificationId: notification.id, segments: outcome.segments });
    } catch (error) {
      deps.logger.error('usage charge failed', {
        shop: request.shop,
        notificationId: notification.id,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const sent: NotificationRecord = {
    ...notification,
    status: 'sent',
    gatewayMessageId: outcome.id,
    gatewayStatus: outcome.messageStatus,
    segments: outcome.segments,
  };
  return { outcome: 'sent', notification: sent };
}
