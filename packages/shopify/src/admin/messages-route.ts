import { maskPhoneNumber } from '@karvon/sdk/phone';
import type { NotificationRecord } from '../storage/shopify-store';
import { AdminApiError } from './admin-error';
import type { AdminRouteContext } from './admin-route';
import { jsonResponse } from './json-response';

const PAGE_SIZE = 25;
/** NotificationStore's cursor: `{createdAt}|{id}`. */
const CURSOR = /^\d{1,16}\|[A-Za-z0-9_-]{1,100}$/;

/** A row of the message log: the number masked, times in ISO 8601. */
export interface MessageLogEntry {
  id: string;
  orderName: string | null;
  kind: NotificationRecord['kind'];
  locale: NotificationRecord['locale'];
  phone: string | null;
  status: NotificationRecord['status'];
  gatewayStatus: string | null;
  reason: string | null;
  segments: number | null;
  createdAt: string;
  updatedAt: string;
}

export function messageLogEntry(record: NotificationRecord): MessageLogEntry {
  return {
    id: record.id,
    orderName: record.orderName,
    kind: record.kind,
    locale: record.locale,
    phone: record.phone ? maskPhoneNumber(record.phone) : null,
    status: record.status,
    gatewayStatus: record.gatewayStatus,
    reason: record.reason,
    segments: record.segments,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

/**
 * `GET /api/messages?before=`: the notification log, newest first, a page at a time. Statuses are
 * the gateway's, kept current by its `message.*` webhooks.
 */
export async function listMessages(ctx: AdminRouteContext): Promise<Response> {
  const before = ctx.url.searchParams.get('before');
  if (before !== null && !CURSOR.test(before)) {
    throw new AdminApiError('invalid_query', 'before: use the `next` cursor of the previous page.', {
      field: 'before',
    });
  }
  const page = await ctx.deps.store.notifications.list(ctx.shop, {
    limit: PAGE_SIZE,
    ...(before !== null ? { before } : {}),
  });
  return jsonResponse(200, { items: page.items.map(messageLogEntry), next: page.next });
}
