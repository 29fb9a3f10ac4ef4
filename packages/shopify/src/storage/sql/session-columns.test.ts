import { Session } from '@shopify/shopify-api';
import { describe, expect, it } from 'vitest';
import { SESSION_COLUMNS, sessionFromRow, sessionValues } from './session-columns';

const rowOf = (session: Session) => {
  const values = sessionValues(session, 1);
  return Object.fromEntries(SESSION_COLUMNS.map((column, i) => [column, values[i]]));
};

describe('session columns', () => {
  it('stores dates as epoch milliseconds and the online user as JSON', () => {
    const row = rowOf(
      new Session({
        id: 'x',
        shop: 's',
        state: 'st',
        isOnline: true,
        expires: new Date(1_800_000_000_456),
        onlineAccessInfo: { associated_user: { id: 7 } } as NonNullable<Session['onlineAccessInfo']>,
      }),
    );
    expect(row).toMatchObject({
      is_online: 1,
      expires: 1_800_000_000_456,
      online_access_info: '{"associated_user":{"id":7}}',
    });
    expect(row.extra).toBeNull();
  });

  it('keeps unexpected fields as JSON, but neither functions nor prototype keys', () => {
    const session = new Session({ id: 'x', shop: 's', state: '', isOnline: false });
    Object.assign(session, { custom: { a: 1 }, hook: () => 1 });
    const row = rowOf(session);
    expect(JSON.parse(String(row.extra))).toEqual({ custom: { a: 1 } });

    const loaded = sessionFromRow({ ...row, extra: '{"__proto__":{"polluted":true},"custom":2,"shop":"other"}' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((loaded as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(loaded).toMatchObject({ custom: 2, shop: 's' });
  });

  it('leaves out what was never set, so Session.equals holds', () => {
    const session = new Session({ id: 'x', shop: 's', state: '', isOnline: false });
    const loaded = sessionFromRow(rowOf(session));
    expect(Object.keys(loaded.toObject())).toEqual(['id', 'shop', 'state', 'isOnline']);
    expect(session.equals(loaded)).toBe(true);
  });
});
