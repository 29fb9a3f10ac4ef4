import { describe, expect, it } from 'vitest';
import { maskPhoneNumber, maskPhoneNumbersIn, redactApiKey, redactBody, redactHeaders } from './redact';

describe('maskPhoneNumber', () => {
  it('keeps the country and operator code and the last two digits', () => {
    expect(maskPhoneNumber('+998901234567')).toBe('+99890*****67');
    expect(maskPhoneNumber('+14155550123')).toBe('+14155****23');
  });

  it('masks short numbers down to the last two digits', () => {
    expect(maskPhoneNumber('1234567')).toBe('*****67');
  });

  it('leaves alphanumeric sender names alone', () => {
    expect(maskPhoneNumber('Karvon')).toBe('Karvon');
  });

  it('masks numbers inside free text', () => {
    expect(maskPhoneNumbersIn('+998901234567 has opted out')).toBe('+99890*****67 has opted out');
  });
});

describe('redactApiKey', () => {
  it('keeps the key kind and the last four characters', () => {
    expect(redactApiKey('kv_live_0123456789abcdefWXYZ')).toBe('kv_live_…WXYZ');
    expect(redactApiKey('kv_test_0123456789abcdefWXYZ')).toBe('kv_test_…WXYZ');
    expect(redactApiKey('eyJhbGciOiJIUzI1NiJ9.payload.sig1')).toBe('…sig1');
  });

  it('reveals nothing of a short key', () => {
    expect(redactApiKey('kv_live_short')).toBe('kv_live_…');
  });
});

describe('redactHeaders', () => {
  it('redacts Authorization and keeps the rest', () => {
    expect(
      redactHeaders({ Authorization: 'Bearer kv_live_0123456789abcdefWXYZ', 'Karvon-Version': '2026-11-01' }),
    ).toEqual({ Authorization: 'Bearer kv_live_…WXYZ', 'Karvon-Version': '2026-11-01' });
  });
});

describe('redactBody', () => {
  it('masks recipients and senders, removes texts and variable values, in batches too', () => {
    const body = {
      from: '+998711234567',
      messages: [{ to: '+998901234567', body: 'Your code is 1234', variables: { code: 1234 } }],
      metadata: { orderId: '42' },
    };
    expect(redactBody(body)).toEqual({
      from: '+99871*****67',
      messages: [{ to: '+99890*****67', body: '[redacted 17 chars]', variables: { code: '[redacted]' } }],
      metadata: { orderId: '42' },
    });
  });

  it('does not modify the original body', () => {
    const body = { to: '+998901234567' };
    redactBody(body);
    expect(body.to).toBe('+998901234567');
  });
});
