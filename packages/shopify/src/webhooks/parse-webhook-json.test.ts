import { describe, expect, it } from 'vitest';
import { parseWebhookJson } from './parse-webhook-json';

describe('parseWebhookJson', () => {
  it('keeps ids beyond 2^53 exact, as their digits', () => {
    expect(parseWebhookJson('{"id":820982911946154508,"order_id":[706405506930370084]}')).toEqual({
      id: '820982911946154508',
      order_id: ['706405506930370084'],
    });
  });

  it('leaves safe integers, decimals and strings alone', () => {
    expect(parseWebhookJson('{"n":5678901234567,"price":"149000.00","x":1.5}')).toEqual({
      n: 5678901234567,
      price: '149000.00',
      x: 1.5,
    });
  });
});
