import { describe, expect, it } from 'vitest';
import { zodIssuesToFieldErrors } from '../errors/zod-issues-to-field-errors';
import { apiKeyPageSchema, apiKeySchema, createApiKeyRequestSchema, createdApiKeySchema } from './api-key';

function fieldErrors(input: unknown) {
  const result = createApiKeyRequestSchema.safeParse(input);
  return result.success ? [] : zodIssuesToFieldErrors(result.error.issues, { input });
}

const key = {
  id: 'key_01JD3Y8Z6W4K1N2P3Q4R5S6T7V',
  name: 'Shopify',
  mode: 'live',
  scopes: ['messages:send', 'messages:read'],
  role: 'adapter',
  ipAllowlist: ['203.0.113.0/24'],
  redactedKey: 'kv_live_…WXYZ',
  createdAt: '2026-11-01T09:30:00Z',
  lastUsedAt: null,
};

describe('createApiKeyRequestSchema', () => {
  it('accepts scopes or a role, with an allow-list of addresses and ranges', () => {
    expect(fieldErrors({ name: 'ci', mode: 'test', scopes: ['messages:send'] })).toEqual([]);
    expect(
      fieldErrors({
        name: 'shop',
        mode: 'live',
        role: 'adapter',
        ipAllowlist: ['203.0.113.7', '203.0.113.0/24', '2001:db8::1', '2001:db8::/32'],
        expiresAt: '2027-01-01T00:00:00Z',
      }),
    ).toEqual([]);
    expect(fieldErrors({ name: 'default', mode: 'live' })).toEqual([]);
  });

  it('refuses scopes and a role together', () => {
    expect(fieldErrors({ name: 'x', mode: 'live', scopes: ['admin'], role: 'admin' })).toEqual([
      { pointer: '/role', code: 'conflicting_fields', detail: 'Give either scopes or role, not both' },
    ]);
  });

  it('reports a bad allow-list entry with invalid_ip_allowlist', () => {
    for (const entry of ['203.0.113.300', '10.0.0.0/33', 'example.com', '']) {
      expect(fieldErrors({ name: 'x', mode: 'live', ipAllowlist: ['10.0.0.1', entry] })[0]).toMatchObject({
        pointer: '/ipAllowlist/1',
        code: 'invalid_ip_allowlist',
      });
    }
  });

  it.each([
    { name: '', mode: 'live' },
    { name: 'x', mode: 'sandbox' },
    { name: 'x', mode: 'live', scopes: ['messages:write'] },
    { name: 'x', mode: 'live', scopes: [] },
    { name: 'x', mode: 'live', role: 'owner' },
    { name: 'x', mode: 'live', expiresAt: 'tomorrow' },
    { name: 'x', mode: 'live', secret: 'kv_live_x' },
  ])('rejects %j', (input) => {
    expect(createApiKeyRequestSchema.safeParse(input).success).toBe(false);
  });
});

describe('API key responses', () => {
  it('parse a key, a page of keys and a created key with its secret', () => {
    expect(apiKeySchema.parse(key)).toEqual(key);
    expect(
      apiKeySchema.parse({ ...key, lastUsedAt: key.createdAt, expiresAt: key.createdAt, scopes: ['sms:x'] }),
    ).toBeTruthy();
    expect(apiKeyPageSchema.parse({ data: [key], nextCursor: 'c' }).data).toHaveLength(1);
    expect(createdApiKeySchema.safeParse({ ...key, secret: 'kv_live_abc' }).success).toBe(true);
    expect(createdApiKeySchema.safeParse(key).success).toBe(false);
  });

  it('reject a key without its redacted form or with another id kind', () => {
    const { redactedKey: _, ...withoutRedacted } = key;
    expect(apiKeySchema.safeParse(withoutRedacted).success).toBe(false);
    expect(apiKeySchema.safeParse({ ...key, id: 'msg_1' }).success).toBe(false);
  });
});
