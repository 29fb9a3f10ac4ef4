import { describe, expect, it } from 'vitest';
import { zodIssuesToFieldErrors } from '../errors/zod-issues-to-field-errors';
import {
  expandSendMessageRequest,
  parseSendMessageRequest,
  sendBatchMessageRequestSchema,
  sendMessageRequestSchema,
  sendSingleMessageRequestSchema,
} from './send-message-request';

function fieldErrors(input: unknown) {
  const result = parseSendMessageRequest(input);
  if (result.success) return [];
  return zodIssuesToFieldErrors(result.issues, { input }).map(({ pointer, code }) => `${pointer} ${code}`);
}

const ok = { to: '+998901234567', body: 'Your code is 1234' };

describe('single send request', () => {
  it('accepts a minimal message and a full one', () => {
    expect(fieldErrors(ok)).toEqual([]);
    expect(
      fieldErrors({
        to: '998901234567',
        from: 'Karvon',
        template: 'tpl_abc',
        variables: { code: 1234, name: 'Ali' },
        type: 'marketing',
        scheduledAt: '2026-11-01T09:30',
        timezone: 'Asia/Tashkent',
        validityPeriod: 3600,
        metadata: { orderId: '42' },
        clientReference: 'order-42',
        smartEncoding: true,
        callbackUrl: 'https://example.com/hooks/sms',
      }),
    ).toEqual([]);
  });

  it('rejects unknown fields with a pointer to each', () => {
    expect(fieldErrors({ ...ok, bdy: 'typo' })).toEqual(['/bdy unknown_field']);
  });

  it('needs exactly one of body and template', () => {
    expect(fieldErrors({ to: ok.to })).toEqual(['/body empty_body']);
    expect(fieldErrors({ ...ok, template: 'welcome' })).toEqual(['/template conflicting_fields']);
    expect(fieldErrors({ ...ok, body: '' })).toEqual(['/body empty_body']);
    expect(fieldErrors({ ...ok, body: '   ' })).toEqual(['/body empty_body']);
  });

  it('caps the body at 1600 characters, counting an emoji once', () => {
    expect(fieldErrors({ ...ok, body: 'a'.repeat(1600) })).toEqual([]);
    expect(fieldErrors({ ...ok, body: '😀'.repeat(1600) })).toEqual([]);
    expect(fieldErrors({ ...ok, body: 'a'.repeat(1601) })).toEqual(['/body invalid_field']);
  });

  it.each(['Karvon', 'MY-SHOP 24', 'A', '+998901234567', '12345', 'K.V_A&B'])('accepts sender %s', (from) => {
    expect(fieldErrors({ ...ok, from })).toEqual([]);
  });

  it.each(['TooLongSender', '', '12', '-Karvon', 'Kärvon'])('rejects sender %j', (from) => {
    expect(fieldErrors({ ...ok, from })).toEqual(['/from invalid_sender']);
  });

  it.each(['+998 90 123 45 67', '0901234567', '+12345', '+1234567890123456', 'hello', ''])(
    'rejects recipient %j',
    (to) => {
      expect(fieldErrors({ ...ok, to })).toEqual(['/to invalid_phone_number']);
    },
  );

  it('reports a missing recipient as missing', () => {
    expect(fieldErrors({ body: 'hi' })).toEqual(['/to missing_field']);
  });

  it('bounds the validity period to 60 s .. 72 h in whole seconds', () => {
    expect(fieldErrors({ ...ok, validityPeriod: 60 })).toEqual([]);
    expect(fieldErrors({ ...ok, validityPeriod: 259_200 })).toEqual([]);
    expect(fieldErrors({ ...ok, validityPeriod: 59 })).toEqual(['/validityPeriod invalid_field']);
    expect(fieldErrors({ ...ok, validityPeriod: 259_201 })).toEqual(['/validityPeriod invalid_field']);
    expect(fieldErrors({ ...ok, validityPeriod: 90.5 })).toEqual(['/validityPeriod invalid_field']);
  });

  it('allows 20 metadata keys, not 21', () => {
    const meta = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(fieldErrors({ ...ok, metadata: meta(20) })).toEqual([]);
    expect(fieldErrors({ ...ok, metadata: meta(21) })).toEqual(['/metadata invalid_field']);
  });

  it('limits clientReference to 128 characters', () => {
    expect(fieldErrors({ ...ok, clientReference: 'r'.repeat(128) })).toEqual([]);
    expect(fieldErrors({ ...ok, clientReference: 'r'.repeat(129) })).toEqual(['/clientReference invalid_field']);
  });

  it('takes scheduledAt with an offset, or a local time only together with a timezone', () => {
    expect(fieldErrors({ ...ok, scheduledAt: '2026-11-01T09:30:00+05:00' })).toEqual([]);
    expect(fieldErrors({ ...ok, scheduledAt: '2026-11-01T09:30:00+05:00', timezone: 'Asia/Tashkent' })).toEqual([]);
    expect(fieldErrors({ ...ok, scheduledAt: '2026-11-01T09:30' })).toEqual(['/scheduledAt invalid_field']);
    expect(fieldErrors({ ...ok, scheduledAt: 'tomorrow' })).toEqual(['/scheduledAt invalid_field']);
    expect(fieldErrors({ ...ok, scheduledAt: '2026-02-30T09:30:00Z' })).toEqual(['/scheduledAt invalid_field']);
    expect(fieldErrors({ ...ok, timezone: 'Mars/Base' })).toEqual(['/timezone invalid_field']);
  });

  it('keeps enums strict in requests', () => {
    expect(fieldErrors({ ...ok, type: 'promotional' })).toEqual(['/type invalid_field']);
  });

  it('takes only http(s) callback URLs', () => {
    expect(fieldErrors({ ...ok, callbackUrl: 'ftp://example.com/x' })).toEqual(['/callbackUrl invalid_field']);
  });
});

describe('batch send request', () => {
  it('applies batch defaults when checking each message', () => {
    expect(
      fieldErrors({ body: 'Sale!', messages: [{ to: ok.to }, { to: '+998901234568', template: 'promo' }] }),
    ).toEqual([]);
    expect(fieldErrors({ messages: [{ to: ok.to }, ok] })).toEqual(['/messages/0/body empty_body']);
  });

  it('points at the message that breaks a rule', () => {
    expect(fieldErrors({ body: 'x', messages: [ok, { ...ok, to: 'bad', extra: 1 }] })).toEqual([
      '/messages/1/to invalid_phone_number',
      '/messages/1/extra unknown_field',
    ]);
    expect(fieldErrors({ messages: [{ ...ok, template: 't' }] })).toEqual(['/messages/0/template conflicting_fields']);
  });

  it('holds 1 to 1000 messages', () => {
    const many = (n: number) => ({ body: 'x', messages: Array.from({ length: n }, () => ({ to: ok.to })) });
    expect(fieldErrors(many(1000))).toEqual([]);
    expect(fieldErrors(many(1001))).toEqual(['/messages batch_too_large']);
    expect(fieldErrors(many(0))).toEqual(['/messages invalid_field']);
  });

  it('counts batch metadata towards the 20-key limit of each message', () => {
    const meta = (from: number, n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${from + i}`, 'v']));
    expect(fieldErrors({ body: 'x', metadata: meta(0, 10), messages: [{ to: ok.to, metadata: meta(5, 10) }] })).toEqual(
      [],
    );
    expect(
      fieldErrors({ body: 'x', metadata: meta(0, 10), messages: [{ to: ok.to, metadata: meta(10, 11) }] }),
    ).toEqual(['/messages/0/metadata invalid_field']);
  });

  it('is told apart from a single message by the union schema too', () => {
    expect(sendMessageRequestSchema.safeParse({ body: 'x', messages: [{ to: ok.to }] }).success).toBe(true);
    expect(sendMessageRequestSchema.safeParse(ok).success).toBe(true);
    expect(sendSingleMessageRequestSchema.safeParse({ body: 'x', messages: [] }).success).toBe(false);
    expect(sendBatchMessageRequestSchema.safeParse(ok).success).toBe(false);
  });
});

describe('expandSendMessageRequest', () => {
  it('returns a single message as it is', () => {
    expect(expandSendMessageRequest(ok)).toEqual([ok]);
  });

  it('applies defaults, keeps body and template together and merges maps key by key', () => {
    const expanded = expandSendMessageRequest({
      from: 'Shop',
      template: 'promo',
      variables: { discount: 10, name: 'friend' },
      metadata: { campaign: 'fall' },
      validityPeriod: 600,
      messages: [
        { to: '+998901234567', variables: { name: 'Ali' } },
        { to: '+998901234568', body: 'Custom text', from: 'Other', metadata: { segment: 'vip' } },
      ],
    });
    expect(expanded).toEqual([
      {
        to: '+998901234567',
        from: 'Shop',
        template: 'promo',
        validityPeriod: 600,
        variables: { discount: 10, name: 'Ali' },
        metadata: { campaign: 'fall' },
      },
      {
        to: '+998901234568',
        body: 'Custom text',
        from: 'Other',
        validityPeriod: 600,
        variables: { discount: 10, name: 'friend' },
        metadata: { campaign: 'fall', segment: 'vip' },
      },
    ]);
  });
});
