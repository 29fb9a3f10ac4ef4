import { describe, expect, it } from 'vitest';
import { privacyErasureSchema, privacyExportSchema, privacyRequestSchema } from './privacy';

const message = {
  id: 'msg_1',
  status: 'delivered',
  to: '+998901234567',
  from: 'Karvon',
  type: 'marketing',
  encoding: 'GSM-7',
  segments: 1,
  price: { amount: 100, currency: 'UZS' },
  createdAt: '2026-11-01T09:30:00Z',
  history: [],
};

describe('privacy schemas', () => {
  it('take a phone number and nothing else', () => {
    expect(privacyRequestSchema.safeParse({ phoneNumber: '+998901234567' }).success).toBe(true);
    expect(privacyRequestSchema.safeParse({ phoneNumber: 'x' }).success).toBe(false);
    expect(privacyRequestSchema.safeParse({ phoneNumber: '+998901234567', email: 'a@b.c' }).success).toBe(false);
  });

  it('parse an export with messages, opt-outs and consents', () => {
    const data = {
      phoneNumber: '+998901234567',
      messages: [message],
      optOuts: [{ phoneNumber: '+998901234567', scope: 'account', source: 'api', createdAt: 'x' }],
      consents: [{ phoneNumber: '+998901234567', source: 'checkout', consentedAt: 'x' }],
      exportedAt: '2026-11-02T00:00:00Z',
    };
    expect(privacyExportSchema.parse(data)).toEqual(data);
    expect(privacyExportSchema.safeParse({ ...data, messages: [{ id: 'msg_1' }] }).success).toBe(false);
  });

  it('parse an erasure receipt with a count', () => {
    const receipt = { phoneNumber: '+998901234567', erasedMessages: 3, erasedAt: '2026-11-02T00:00:00Z' };
    expect(privacyErasureSchema.parse(receipt)).toEqual(receipt);
    expect(privacyErasureSchema.safeParse({ ...receipt, erasedMessages: -1 }).success).toBe(false);
  });
});
