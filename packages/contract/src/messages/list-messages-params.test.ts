import { describe, expect, it } from 'vitest';
import { listMessagesParamsSchema } from './list-messages-params';

describe('listMessagesParamsSchema', () => {
  it('accepts every filter', () => {
    const query = {
      cursor: 'c1',
      limit: '50',
      status: 'scheduled',
      to: '+998901234567',
      type: 'marketing',
      clientReference: 'order-1',
      createdAfter: '2026-11-01T00:00:00+05:00',
      createdBefore: '2026-11-02T00:00:00Z',
    };
    expect(listMessagesParamsSchema.parse(query)).toEqual({ ...query, limit: 50 });
  });

  it.each([
    { status: 'read' },
    { type: 'otp' },
    { to: '12' },
    { createdAfter: '2026-11-01' },
    { createdBefore: '2026-11-01T00:00:00' },
    { clientReference: '' },
    { sort: 'asc' },
  ])('rejects %j', (query) => {
    expect(listMessagesParamsSchema.safeParse(query).success).toBe(false);
  });
});
