import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod/mini';
import * as contract from './index';

// Every exported schema must convert, because the gateway generates its
// OpenAPI 3.1 document from them.
const schemas = Object.entries(contract).filter(
  ([name]) => name.endsWith('Schema') && name !== 'idSchema' && name !== 'pageSchema',
);

describe('JSON Schema', () => {
  it('finds the exported schemas', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(20);
  });

  it.each(schemas)('converts %s', (_name, schema) => {
    const json = toJSONSchema(schema as unknown as Parameters<typeof toJSONSchema>[0], { unrepresentable: 'throw' });
    expect(json).toHaveProperty('$schema');
  });

  it.each(schemas)('converts %s as an input (request) schema', (_name, schema) => {
    const json = toJSONSchema(schema as unknown as Parameters<typeof toJSONSchema>[0], {
      io: 'input',
      unrepresentable: 'throw',
    });
    expect(typeof json).toBe('object');
  });

  it('converts the schema factories', () => {
    const page = toJSONSchema(contract.pageSchema(contract.messageSchema)) as { properties: Record<string, unknown> };
    expect(Object.keys(page.properties)).toEqual(['data', 'nextCursor']);
    expect(toJSONSchema(contract.idSchema('message'))).toMatchObject({
      type: 'string',
      pattern: '^msg_[0-9A-Za-z]{1,64}$',
    });
  });

  it('marks request schemas closed and response schemas open', () => {
    const request = toJSONSchema(contract.sendSingleMessageRequestSchema) as { additionalProperties?: unknown };
    const response = toJSONSchema(contract.messageSchema) as { additionalProperties?: unknown };
    expect(request.additionalProperties).toBe(false);
    expect(response.additionalProperties).not.toBe(false);
  });

  // Requests and list queries reject unknown fields; responses pass them (a newer gateway may add some).
  const isRequest = (name: string) =>
    (/(Request|Params)Schema$/.test(name) && name !== 'sendMessageRequestSchema') || name === 'moneySchema';

  it.each(schemas.filter(([name]) => isRequest(name)))('closes the request schema %s', (_name, schema) => {
    const json = toJSONSchema(schema as unknown as Parameters<typeof toJSONSchema>[0], { io: 'input' }) as {
      additionalProperties?: unknown;
    };
    expect(json.additionalProperties).toBe(false);
  });

  it.each(schemas.filter(([name]) => !isRequest(name) && /^[a-z]/.test(name)))(
    'leaves the response schema %s open',
    (_name, schema) => {
      const json = toJSONSchema(schema as unknown as Parameters<typeof toJSONSchema>[0]) as {
        type?: unknown;
        additionalProperties?: unknown;
      };
      if (json.type === 'object') expect(json.additionalProperties).not.toBe(false);
    },
  );
});
