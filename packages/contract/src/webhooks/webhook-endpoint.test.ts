import { describe, expect, it } from 'vitest';
import {
  createdWebhookEndpointSchema,
  createWebhookEndpointRequestSchema,
  webhookEndpointPageSchema,
  webhookEndpointSchema,
} from './webhook-endpoint';

const endpoint = {
  id: 'whe_1',
  url: 'https://shop.example.com/hooks/karvon',
  events: ['message.delivered', 'message.failed'],
  description: 'Shop',
  createdAt: '2026-11-01T09:30:00Z',
};

describe('createWebhookEndpointRequestSchema', () => {
  it('accepts a URL with optional events and description', () => {
    expect(createWebhookEndpointRequestSchema.safeParse({ url: endpoint.url }).success).toBe(true);
    expect(
      createWebhookEndpointRequestSchema.safeParse({ url: endpoint.url, events: ['opt_out.changed'], description: 'x' })
        .success,
    ).toBe(true);
  });

  it.each([
    {},
    { url: 'ftp://example.com/hook' },
    { url: 'not a url' },
    { url: 'https://example.com', events: ['message.read'] },
    { url: 'https://example.com', description: 'x'.repeat(257) },
    { url: 'https://example.com', secret: 'whsec_x' },
  ])('rejects %j', (input) => {
    expect(createWebhookEndpointRequestSchema.safeParse(input).success).toBe(false);
  });
});

describe('webhook endpoint responses', () => {
  it('carry the secret only when created', () => {
    expect(createdWebhookEndpointSchema.safeParse({ ...endpoint, secret: 'whsec_abc' }).success).toBe(true);
    expect(createdWebhookEndpointSchema.safeParse(endpoint).success).toBe(false);
    expect(createdWebhookEndpointSchema.safeParse({ ...endpoint, secret: 'abc' }).success).toBe(false);
    expect(webhookEndpointSchema.parse(endpoint)).toEqual(endpoint);
  });

  it('pass event types they do not know, and pages', () => {
    expect(webhookEndpointSchema.safeParse({ ...endpoint, events: ['number.ported'] }).success).toBe(true);
    expect(webhookEndpointPageSchema.safeParse({ data: [endpoint], nextCursor: null }).success).toBe(true);
    expect(webhookEndpointSchema.safeParse({ ...endpoint, id: 'snd_1' }).success).toBe(false);
  });
});
