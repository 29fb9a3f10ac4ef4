import { describe, expect, it } from 'vitest';
import { API_VERSION_HEADER, API_VERSIONS, apiVersionSchema, isApiVersion, LATEST_API_VERSION } from './api-version';

describe('API version', () => {
  it('travels in the Karvon-Version header', () => {
    expect(API_VERSION_HEADER).toBe('Karvon-Version');
  });

  it('lists dated versions in order, the latest last', () => {
    for (const version of API_VERSIONS) expect(version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([...API_VERSIONS].sort()).toEqual([...API_VERSIONS]);
    expect(API_VERSIONS.at(-1)).toBe(LATEST_API_VERSION);
  });

  it('recognises only listed versions', () => {
    expect(isApiVersion('2026-11-01')).toBe(true);
    expect(isApiVersion('2026-11-02')).toBe(false);
    expect(isApiVersion(20261101)).toBe(false);
    expect(apiVersionSchema.safeParse('2020-01-01').success).toBe(false);
  });
});
