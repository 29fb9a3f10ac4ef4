import type { MessageId } from '@karvon/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, startScriptedServer } from '../../../../test-utils/src/index';
import { ResponseValidationError } from '../../errors/response-validation-error';
import { contractResponseValidator } from '../../validation/contract-response-validator';
import { Karvon } from '../karvon';

const RESPONSE = {
  results: [
    {
      index: 0,
      status: 'accepted',
      id: 'msg_01jdq3k9v6x8m2n4p5r7s9t0ab',
      messageStatus: 'queued',
      to: '+998901234567',
      encoding: 'GSM-7',
      segments: 1,
      price: { amount: 12000, currency: 'UZS' },
    },
    {
      index: 1,
      status: 'rejected',
      to: '+998000',
      error: { code: 'invalid_phone_number', detail: 'Not a phone number' },
    },
  ],
  accepted: 1,
  rejected: 1,
};

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

describe('messages', () => {
  it('send() posts the batch to /send and returns per-recipient results', async () => {
    server.reply({ body: RESPONSE });
    const karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url });
    const batch = {
      messages: [
        { to: '+998901234567', body: 'a' },
        { to: '+998000', body: 'b' },
      ],
    };
    const result = await karvon.messages.send(batch);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/send', json: batch });
    expect(result.results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
  });

  it('get() reads /status/{id} with the id encoded', async () => {
    server.reply({ body: { id: 'msg_1', status: 'delivered' } });
    const karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url });
    await karvon.messages.get('msg_1/../x' as MessageId);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/status/msg_1%2F..%2Fx' });
  });

  it('checks the response against the contract when validateResponses is on', async () => {
    server.reply({ body: { results: 'nope', accepted: 1, rejected: 0 } });
    const karvon = new Karvon({
      apiKey: 'kv_test_x',
      baseUrl: server.url,
      validateResponses: contractResponseValidator,
    });
    const error = await karvon.messages.send({ to: '+998901234567', body: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]?.path).toBe('/results');
  });

  it('accepts a valid response when validateResponses is on, unknown fields included', async () => {
    server.reply({ body: { ...RESPONSE, novel: 1 } });
    const karvon = new Karvon({
      apiKey: 'kv_test_x',
      baseUrl: server.url,
      validateResponses: contractResponseValidator,
    });
    await expect(karvon.messages.send({ to: '+998901234567', body: 'a' })).resolves.toMatchObject({ novel: 1 });
  });
});

describe('templates and balance', () => {
  it('upsert() posts to /template with an Idempotency-Key', async () => {
    server.reply({ body: { id: 'tpl_1', name: 'otp', version: 1, body: 'Code {{code}}', variables: ['code'] } });
    const karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url });
    const template = await karvon.templates.upsert({ name: 'otp', body: 'Code {{code}}' });
    expect(template.version).toBe(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/template' });
    expect(server.requests[0]?.headers['idempotency-key']).toBeTypeOf('string');
  });

  it('balance.get() reads /balance', async () => {
    server.reply({ body: { balance: { amount: 1, currency: 'UZS' }, ledger: [] } });
    const karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url });
    await karvon.balance.get();
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/balance' });
  });
});
