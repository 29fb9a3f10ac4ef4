import { describe, expect, it } from 'vitest';
import { consentPageSchema, consentSchema, createConsentRequestSchema, listConsentsParamsSchema } from './consent';

const consent = {
  phoneNumber: '+998901234567',
  source: 'checkout',
  proof: 'order 1001, checkbox ticked',
  consentedAt: '2026-11-01T09:30:00Z',
};

describe('consent schemas', () => {
  it('accept a create request with or without proof and time', () => {
    expect(createConsentRequestSchema.safeParse(consent).success).toBe(true);
    expect(createConsentRequestSchema.safeParse({ phoneNumber: '+998901234567', source: 'web_form' }).success).toBe(
      true,
    );
  });

  it.each([
    { phoneNumber: '+998901234567' },
    { ...consent, source: '' },
    { ...consent, consentedAt: '2026-11-01' },
    { ...consent, revokedAt: '2026-11-01T09:30:00Z' },
    { ...consent, phoneNumber: 'me' },
  ])('reject the create request %j', (input) => {
    expect(createConsentRequestSchema.safeParse(input).success).toBe(false);
  });

  it('parse consents, revoked ones and pages', () => {
    expect(consentSchema.parse(consent)).toEqual(consent);
    expect(consentSchema.safeParse({ ...consent, revokedAt: '2026-12-01T00:00:00Z', channel: 'sms' }).success).toBe(
      true,
    );
    expect(consentPageSchema.safeParse({ data: [consent], nextCursor: 'next' }).success).toBe(true);
    expect(consentSchema.safeParse({ phoneNumber: consent.phoneNumber, source: 'x' }).success).toBe(false);
  });

  it('filter lists by phone number', () => {
    expect(listConsentsParamsSchema.safeParse({ phoneNumber: '+998901234567' }).success).toBe(true);
    expect(listConsentsParamsSchema.safeParse({ source: 'x' }).success).toBe(false);
  });
});
