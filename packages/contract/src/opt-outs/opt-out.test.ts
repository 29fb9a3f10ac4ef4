import { describe, expect, it } from 'vitest';
import {
  createOptOutRequestSchema,
  listOptOutsParamsSchema,
  optOutDeletedSchema,
  optOutPageSchema,
  optOutSchema,
} from './opt-out';

const optOut = { phoneNumber: '+998901234567', scope: 'account', source: 'keyword', keyword: 'STOP', createdAt: 'x' };

describe('opt-out schemas', () => {
  it('accept a create request with the optional source and scope', () => {
    expect(createOptOutRequestSchema.safeParse({ phoneNumber: '+998901234567' }).success).toBe(true);
    expect(
      createOptOutRequestSchema.safeParse({ phoneNumber: '998901234567', source: 'dashboard', scope: 'all' }).success,
    ).toBe(true);
  });

  it.each([
    {},
    { phoneNumber: '0901234567' },
    { phoneNumber: '+998901234567', scope: 'global' },
    { phoneNumber: '+998901234567', source: 'sms' },
    { phoneNumber: '+998901234567', keyword: 'STOP' },
  ])('reject the create request %j', (input) => {
    expect(createOptOutRequestSchema.safeParse(input).success).toBe(false);
  });

  it('filter lists by phone number', () => {
    expect(listOptOutsParamsSchema.parse({ phoneNumber: '+998901234567', limit: '10' })).toMatchObject({ limit: 10 });
    expect(listOptOutsParamsSchema.safeParse({ phone: '+998901234567' }).success).toBe(false);
  });

  it('parse opt-outs, pages and deletions, with values they do not know', () => {
    expect(optOutSchema.parse(optOut)).toEqual(optOut);
    expect(optOutSchema.safeParse({ ...optOut, scope: 'brand', source: 'whatsapp' }).success).toBe(true);
    expect(optOutPageSchema.safeParse({ data: [optOut], nextCursor: null }).success).toBe(true);
    expect(optOutDeletedSchema.safeParse({ phoneNumber: optOut.phoneNumber, deleted: true }).success).toBe(true);
    expect(optOutDeletedSchema.safeParse({ phoneNumber: optOut.phoneNumber, deleted: false }).success).toBe(false);
    expect(optOutSchema.safeParse({ phoneNumber: optOut.phoneNumber }).success).toBe(false);
  });
});
