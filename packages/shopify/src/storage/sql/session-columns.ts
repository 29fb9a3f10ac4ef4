import { Session } from '@shopify/shopify-api';
import type { SqlValue } from './sql-database';
import { bool, numOrNull, type Row, str, strOrNull } from './sql-values';

export const SESSION_COLUMNS = [
  'id',
  'shop',
  'state',
  'is_online',
  'scope',
  'access_token',
  'expires',
  'refresh_token',
  'refresh_token_expires',
  'online_access_info',
  'extra',
  'updated_at',
] as const;

// The fields Session itself persists (its `propertiesToSave`); anything else set on a session is
// kept in `extra` as JSON, so an app that hangs its own data on the session gets it back.
const KNOWN = new Set([
  'id',
  'shop',
  'state',
  'isOnline',
  'scope',
  'accessToken',
  'expires',
  'refreshToken',
  'refreshTokenExpires',
  'onlineAccessInfo',
]);
// Keys JSON.parse creates as own properties that Object.assign would turn into a prototype change.
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

const time = (value: unknown): number | null =>
  value instanceof Date && Number.isFinite(value.getTime()) ? value.getTime() : null;
const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));

/** The values of SESSION_COLUMNS, in order. Dates are epoch ms, so they come back to the millisecond. */
export function sessionValues(session: Session, updatedAt: number): SqlValue[] {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(session)) {
    if (KNOWN.has(key) || UNSAFE.has(key) || value === undefined || typeof value === 'function') continue;
    extra[key] = value;
  }
  return [
    session.id,
    session.shop,
    session.state,
    session.isOnline ? 1 : 0,
    text(session.scope),
    text(session.accessToken),
    time(session.expires),
    text(session.refreshToken),
    time(session.refreshTokenExpires),
    session.onlineAccessInfo ? JSON.stringify(session.onlineAccessInfo) : null,
    Object.keys(extra).length > 0 ? JSON.stringify(extra) : null,
    updatedAt,
  ];
}

/** A `Session` with only the fields that were set, so `Session.equals` holds against the one stored. */
export function sessionFromRow(row: Row): Session {
  const params: ConstructorParameters<typeof Session>[0] = {
    id: str(row.id),
    shop: str(row.shop),
    state: str(row.state),
    isOnline: bool(row.is_online),
  };
  const extra = strOrNull(row.extra);
  if (extra) {
    for (const [key, value] of Object.entries(JSON.parse(extra) as Record<string, unknown>)) {
      if (!KNOWN.has(key) && !UNSAFE.has(key)) params[key] = value;
    }
  }
  const scope = strOrNull(row.scope);
  if (scope !== null) params.scope = scope;
  const accessToken = strOrNull(row.access_token);
  if (accessToken !== null) params.accessToken = accessToken;
  const expires = numOrNull(row.expires);
  if (expires !== null) params.expires = new Date(expires);
  const refreshToken = strOrNull(row.refresh_token);
  if (refreshToken !== null) params.refreshToken = refreshToken;
  const refreshTokenExpires = numOrNull(row.refresh_token_expires);
  if (refreshTokenExpires !== null) params.refreshTokenExpires = new Date(refreshTokenExpires);
  const onlineAccessInfo = strOrNull(row.online_access_info);
  if (onlineAccessInfo !== null) params.onlineAccessInfo = JSON.parse(onlineAccessInfo);
  return new Session(params);
}
