import { describe, expect, it } from 'vitest';
import { listParamsSchema, PAGE_LIMITS } from './list-params';

describe('listParamsSchema', () => {
  it('reads limit from a query string as a number', () => {
    expect(listParamsSchema.parse({ limit: '25', cursor: 'abc' })).toEqual({ limit: 25, cursor: 'abc' });
    expect(listParamsSchema.parse({ limit: 100 })).toEqual({ limit: 100 });
    expect(listParamsSchema.parse({})).toEqual({});
  });

  it.each([['0'], ['101'], ['1.5'], ['abc'], [''], [-1]])('rejects limit %j', (limit) => {
    expect(listParamsSchema.safeParse({ limit }).success).toBe(false);
  });

  it('rejects an empty cursor and unknown parameters', () => {
    expect(listParamsSchema.safeParse({ cursor: '' }).success).toBe(false);
    expect(listParamsSchema.safeParse({ limt: 5 }).success).toBe(false);
  });

  it('caps pages at 100 items', () => {
    expect(PAGE_LIMITS.maxLimit).toBe(100);
    expect(PAGE_LIMITS.defaultLimit).toBeLessThanOrEqual(PAGE_LIMITS.maxLimit);
  });
});
