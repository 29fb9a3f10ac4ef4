// @vitest-environment edge-runtime
import { describe, expect, it } from 'vitest';
import {
  createId,
  formatMoney,
  isId,
  money,
  parseSendMessageRequest,
  webhookEventSchema,
  zonedTimeToEpochMs,
} from './index';

// The contract runs in Vercel/Cloudflare-style edge runtimes: no Buffer,
// process or node:* modules. These run the parts that touch globals.
describe('on an edge runtime', () => {
  it('creates ids with Web Crypto', () => {
    expect(isId('message', createId('message'))).toBe(true);
  });

  it('formats money and resolves time zones with Intl', () => {
    expect(formatMoney(money(1250, 'USD'), 'en-US')).toBe('$12.50');
    expect(new Date(zonedTimeToEpochMs('2026-11-01T09:30', 'Asia/Tashkent')).toISOString()).toBe(
      '2026-11-01T04:30:00.000Z',
    );
  });

  it('validates requests and events', () => {
    expect(parseSendMessageRequest({ to: '+998901234567', body: 'hi' }).success).toBe(true);
    expect(
      webhookEventSchema.safeParse({ id: 'evt_1', type: 'x.y', timestamp: 't', apiVersion: 'v', data: {} }).success,
    ).toBe(true);
  });
});
