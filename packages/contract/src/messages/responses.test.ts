import { describe, expect, it } from 'vitest';
import { balanceSchema } from '../balance/balance';
import { pageSchema } from '../common/page';
import { templateSchema, templateUpsertRequestSchema } from '../templates/template';
import { messageSchema } from './message';
import { sendMessageResponseSchema } from './send-message-response';

const price = { amount: 12_500, currency: 'UZS' };
const message = {
  id: 'msg_01JD3Y8Z6W4K1N2P3Q4R5S6T7V',
  status: 'delivered',
  to: '+998901234567',
  from: 'Karvon',
  type: 'transactional',
  encoding: 'GSM-7',
  segments: 2,
  price,
  createdAt: '2026-11-01T09:30:00Z',
  parts: [
    { id: 'prt_1', index: 0, status: 'delivered', updatedAt: '2026-11-01T09:30:02Z' },
    { id: 'prt_2', index: 1, status: 'delivered', updatedAt: '2026-11-01T09:30:03Z' },
  ],
  history: [
    { status: 'queued', at: '2026-11-01T09:30:00Z' },
    { status: 'delivered', at: '2026-11-01T09:30:03Z' },
  ],
};

describe('response schemas', () => {
  it('parse a send response with accepted and rejected results', () => {
    const response = {
      results: [
        {
          index: 0,
          status: 'accepted',
          id: 'msg_1',
          messageStatus: 'queued',
          to: '+998901234567',
          encoding: 'GSM-7',
          segments: 1,
          price,
        },
        {
          index: 1,
          status: 'rejected',
          error: { code: 'opted_out', detail: 'Recipient opted out', pointer: '/messages/1/to' },
        },
      ],
      accepted: 1,
      rejected: 1,
    };
    expect(sendMessageResponseSchema.parse(response)).toEqual(response);
  });

  it('accept statuses, encodings, types, currencies and fields they do not know', () => {
    const future = {
      ...message,
      status: 'read',
      encoding: 'UCS-4',
      type: 'otp',
      price: { amount: 1, currency: 'XYZ' },
      channel: 'rcs',
    };
    expect(messageSchema.parse(future)).toMatchObject({ status: 'read', channel: 'rcs' });
  });

  it('still reject responses that break the shape', () => {
    expect(messageSchema.safeParse({ ...message, id: 'tpl_1' }).success).toBe(false);
    expect(messageSchema.safeParse({ ...message, segments: 1.5 }).success).toBe(false);
    expect(messageSchema.safeParse({ ...message, price: { amount: 1.25, currency: 'USD' } }).success).toBe(false);
    const { history: _, ...withoutHistory } = message;
    expect(messageSchema.safeParse(withoutHistory).success).toBe(false);
  });

  it('parse pages, templates and the balance', () => {
    expect(pageSchema(messageSchema).parse({ data: [message], nextCursor: null })).toMatchObject({ nextCursor: null });
    const template = {
      id: 'tpl_1',
      name: 'otp',
      version: 1,
      body: 'Code {{code}}',
      variables: ['code'],
      createdAt: message.createdAt,
      updatedAt: message.createdAt,
      preview: { text: 'Code 1234', encoding: 'GSM-7', segments: 1 },
    };
    expect(templateSchema.parse(template)).toEqual(template);
    const balance = {
      balance: price,
      ledger: [
        {
          id: 'led_1',
          amount: { amount: -250, currency: 'UZS' },
          reason: 'message_charge',
          messageId: 'msg_1',
          createdAt: message.createdAt,
        },
      ],
    };
    expect(balanceSchema.parse(balance)).toEqual(balance);
  });

  it('keep the template request strict', () => {
    expect(templateUpsertRequestSchema.safeParse({ name: 'otp', body: 'Code {{code}}' }).success).toBe(true);
    expect(templateUpsertRequestSchema.safeParse({ name: 'otp', body: 'x', colour: 'red' }).success).toBe(false);
    expect(templateUpsertRequestSchema.safeParse({ id: 'msg_1', name: 'otp', body: 'x' }).success).toBe(false);
  });
});
