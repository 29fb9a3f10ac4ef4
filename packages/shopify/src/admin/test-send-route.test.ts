import { APIError } from '@karvon/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AdminApiHarness, newShop, startAdminApiHarness } from './test-support/admin-api-harness';

let h: AdminApiHarness;
beforeAll(async () => {
  h = await startAdminApiHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.setSendTest(null);
  h.testSends.length = 0;
});

describe('POST /api/test-send', () => {
  it('sends through the shop’s connection to the number in E.164, and answers it masked', async () => {
    const shop = newShop();
    await h.connect(shop);
    const { status, body, text } = await h.call(shop, 'POST', '/api/test-send', {
      phone: '90 123-45-67',
      kind: 'shipping',
      locale: 'uz',
    });
    expect(status).toBe(200);
    expect(h.testSends).toEqual([{ shop, phone: '+998901234567', kind: 'shipping', locale: 'uz' }]);
    expect(body).toEqual({
      messageId: expect.stringMatching(/^msg_/),
      status: 'queued',
      segments: 1,
      phone: '+99890*****67',
    });
    expect(text).not.toContain('901234567');
  });

  it('wants a mobile number and a connection before sending anything', async () => {
    const shop = newShop();
    const badNumber = await h.call(shop, 'POST', '/api/test-send', { phone: '12', kind: 'shipping', locale: 'en' });
    expect([badNumber.status, badNumber.body.code, badNumber.body.field]).toEqual([422, 'validation_failed', 'phone']);
    const notConnected = await h.call(shop, 'POST', '/api/test-send', {
      phone: '+998901234567',
      kind: 'shipping',
      locale: 'en',
    });
    expect([notConnected.status, notConnected.body.code]).toEqual([409, 'not_connected']);
    expect(h.testSends).toEqual([]);
  });

  it('turns a gateway refusal into 422 with its reason, and no digit of the number leaks', async () => {
    const shop = newShop();
    await h.connect(shop);
    h.setSendTest(async () => {
      throw new APIError({ status: 402, code: 'insufficient_balance', detail: 'No money to send to +998901234567' });
    });
    const { status, body, text } = await h.call(shop, 'POST', '/api/test-send', {
      phone: '+998 90 123 45 67',
      kind: 'order_confirmation',
      locale: 'en',
    });
    expect([status, body.code, body.gatewayCode]).toEqual([422, 'send_rejected', 'insufficient_balance']);
    expect(body.message).toBe('The gateway did not accept the test message: No money to send to +99890*****67');
    expect(text).not.toContain('901234567');
  });

  it('answers 502 when the gateway fails, and 500 without details for a bug of ours', async () => {
    const shop = newShop();
    await h.connect(shop);
    h.setSendTest(async () => {
      throw new APIError({ status: 503, code: 'unavailable', detail: 'Carrier down' });
    });
    const down = await h.call(shop, 'POST', '/api/test-send', {
      phone: '+998901234567',
      kind: 'shipping',
      locale: 'en',
    });
    expect([down.status, down.body.code]).toEqual([502, 'gateway_error']);
    h.setSendTest(async () => {
      throw new TypeError('cannot read properties of undefined (secret: kv_live_abc)');
    });
    const bug = await h.call(shop, 'POST', '/api/test-send', {
      phone: '+998901234567',
      kind: 'shipping',
      locale: 'en',
    });
    expect(bug.status).toBe(500);
    expect(bug.body).toEqual({ code: 'internal_error', message: 'Something went wrong on our side.' });
  });
});
