import type { NotificationKind, NotificationRecord, NotificationStatus, TemplateLocale } from '../shopify-store';
import { num, numOrNull, type Row, str, strOrNull } from './sql-values';

export function notificationFromRow(r: Row): NotificationRecord {
  return {
    id: str(r.id),
    shop: str(r.shop),
    orderId: str(r.order_id),
    kind: str(r.kind) as NotificationKind,
    fulfillmentId: str(r.fulfillment_id),
    customerId: strOrNull(r.customer_id),
    phone: strOrNull(r.phone),
    locale: str(r.locale) as TemplateLocale,
    status: str(r.status) as NotificationStatus,
    reason: strOrNull(r.reason),
    orderName: strOrNull(r.order_name),
    gatewayMessageId: strOrNull(r.gateway_message_id),
    gatewayStatus: strOrNull(r.gateway_status),
    segments: numOrNull(r.segments),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}
