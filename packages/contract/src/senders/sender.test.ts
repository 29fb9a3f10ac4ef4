import { describe, expect, it } from 'vitest';
import { zodIssuesToFieldErrors } from '../errors/zod-issues-to-field-errors';
import { createSenderRequestSchema, senderPageSchema, senderSchema } from './sender';

function fieldErrors(input: unknown) {
  const result = createSenderRequestSchema.safeParse(input);
  return result.success ? [] : zodIssuesToFieldErrors(result.error.issues, { input });
}

describe('createSenderRequestSchema', () => {
  it.each([
    { sender: 'Karvon', kind: 'alphanumeric', country: 'UZ', operator: 'Ucell' },
    { sender: 'Karvon Shop', kind: 'alphanumeric', country: 'UZ' },
    { sender: '+998712000000', kind: 'long_code', country: 'UZ', route: 'smpp-1' },
    { sender: '3700', kind: 'short_code', country: 'UZ' },
  ])('accepts %j', (input) => {
    expect(fieldErrors(input)).toEqual([]);
  });

  it.each([
    { sender: 'KarvonShop12', kind: 'alphanumeric' },
    { sender: '12345', kind: 'alphanumeric' },
    { sender: 'Karvon', kind: 'long_code' },
    { sender: '123456789', kind: 'short_code' },
  ])('refuses a sender that does not fit its kind: %j', (fields) => {
    expect(fieldErrors({ ...fields, country: 'UZ' })[0]).toMatchObject({ pointer: '/sender', code: 'invalid_sender' });
  });

  it('rejects unknown kinds, bad countries and unknown fields', () => {
    expect(createSenderRequestSchema.safeParse({ sender: 'K', kind: 'toll_free', country: 'UZ' }).success).toBe(false);
    expect(createSenderRequestSchema.safeParse({ sender: 'K', kind: 'alphanumeric', country: 'uz' }).success).toBe(
      false,
    );
    expect(
      createSenderRequestSchema.safeParse({ sender: 'K', kind: 'alphanumeric', country: 'UZ', status: 'approved' })
        .success,
    ).toBe(false);
  });
});

describe('senderSchema', () => {
  const sender = {
    id: 'snd_1',
    sender: 'Karvon',
    kind: 'alphanumeric',
    country: 'UZ',
    operator: 'Beeline',
    status: 'approved',
    createdAt: '2026-11-01T09:30:00Z',
  };

  it('parses senders with kinds and statuses it does not know', () => {
    expect(senderSchema.parse(sender)).toEqual(sender);
    expect(senderSchema.safeParse({ ...sender, kind: 'rcs_agent', status: 'suspended' }).success).toBe(true);
    expect(senderPageSchema.parse({ data: [sender], nextCursor: null }).data[0]).toEqual(sender);
  });

  it('rejects a sender without a status or with another id kind', () => {
    const { status: _, ...withoutStatus } = sender;
    expect(senderSchema.safeParse(withoutStatus).success).toBe(false);
    expect(senderSchema.safeParse({ ...sender, id: 'tpl_1' }).success).toBe(false);
  });
});
