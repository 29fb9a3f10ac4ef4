import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  API_KEY_LENGTH,
  API_KEY_PATTERN,
  apiKeyChecksum,
  crc32,
  generateApiKey,
  parseApiKey,
  redactApiKey,
} from './api-key-format';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('generateApiKey', () => {
  it('creates live and test keys with our prefix, 32 random characters and a 6-character checksum', () => {
    const live = generateApiKey('live');
    const test = generateApiKey('test');
    expect(live.key).toMatch(/^kv_live_[0-9A-Za-z]{38}$/);
    expect(test.key).toMatch(/^kv_test_[0-9A-Za-z]{38}$/);
    expect(live.key).toHaveLength(API_KEY_LENGTH);
    expect(live.key).toMatch(API_KEY_PATTERN);
    expect(live.last4).toBe(live.key.slice(-4));
    expect(live.mode).toBe('live');
  });

  it('produces keys that parse back with a valid checksum', () => {
    for (let i = 0; i < 200; i++) {
      const { key } = generateApiKey(i % 2 ? 'live' : 'test');
      expect(parseApiKey(key)).toEqual({ ok: true, mode: i % 2 ? 'live' : 'test', last4: key.slice(-4) });
    }
  });

  it('never repeats a key', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey('live').key));
    expect(keys.size).toBe(1000);
  });

  it('skips bytes 248..255 so every base62 character is equally likely', () => {
    // Bytes 248 and 255 must be dropped; 0 → '0', 61 → 'z', 62 → '0', 247 → 247 % 62 = 61 → 'z'.
    const bytes = [248, 255, 0, 61, 62, 247];
    const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => bytes[i % bytes.length]!);
    const { key } = generateApiKey('test', random);
    expect(key.slice(8, 16)).toBe('0z0z0z0z');
  });
});

describe('crc32', () => {
  it('matches the standard check value and known vectors', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });
});

describe('apiKeyChecksum', () => {
  it('is always 6 base62 characters, zero-padded', () => {
    expect(apiKeyChecksum('')).toBe('000000');
    expect(apiKeyChecksum('123456789')).toMatch(/^[0-9A-Za-z]{6}$/);
  });
});

describe('parseApiKey', () => {
  it('rejects strings that are not Karvon keys as malformed', () => {
    const { key } = generateApiKey('live');
    for (const bad of [
      '',
      'sk_live_abc',
      key.replace('kv_live_', 'kv_prod_'),
      key.slice(0, -1),
      `${key}x`,
      key.replace(/.$/, '-'),
      ` ${key}`,
    ]) {
      expect(parseApiKey(bad)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('detects any single-character change in the random part or checksum', () => {
    const gen = fc.record({
      index: fc.integer({ min: 8, max: API_KEY_LENGTH - 1 }),
      replacement: fc.constantFrom(...BASE62),
      seed: fc.uint8Array({ minLength: 96, maxLength: 96 }),
    });
    fc.assert(
      fc.property(gen, ({ index, replacement, seed }) => {
        let offset = 0;
        const { key } = generateApiKey('live', (n) => {
          const out = new Uint8Array(n);
          for (let i = 0; i < n; i++) out[i] = seed[offset++ % seed.length]! % 248;
          return out;
        });
        fc.pre(key[index] !== replacement);
        const changed = key.slice(0, index) + replacement + key.slice(index + 1);
        expect(parseApiKey(changed)).toEqual({ ok: false, reason: 'bad_checksum' });
      }),
      { numRuns: 500 },
    );
  });

  it('detects two swapped adjacent characters', () => {
    const { key } = generateApiKey('test');
    for (let i = 8; i < API_KEY_LENGTH - 1; i++) {
      if (key[i] === key[i + 1]) continue;
      const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
      expect(parseApiKey(swapped).ok).toBe(false);
    }
  });
});

describe('redactApiKey', () => {
  it('keeps only the prefix and the last 4 characters', () => {
    const { key, last4 } = generateApiKey('live');
    expect(redactApiKey(key)).toBe(`kv_live_…${last4}`);
    expect(redactApiKey(key)).not.toContain(key.slice(8, 12));
  });

  it('redacts foreign or truncated secrets completely', () => {
    expect(redactApiKey('sk_live_51Habcdefghijklmnopqrstuvwxyz')).toBe('[redacted]');
    expect(redactApiKey('kv_live_short')).toBe('[redacted]');
  });
});

describe('docs/reference/api-keys.md', () => {
  it('shows an example key that validates and a scanner regex that matches real keys only', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../../docs/reference/api-keys.md', import.meta.url), 'utf8');
    const example = /kv_live_[0-9A-Za-z]{38}/.exec(doc)?.[0];
    expect(example && parseApiKey(example).ok).toBe(true);
    const regexLine = /```\n(\\bkv_.*)\n```/.exec(doc)?.[1];
    const scanner = new RegExp(regexLine ?? 'missing');
    expect(scanner.test(`token=${generateApiKey('test').key};`)).toBe(true);
    expect(scanner.test('kv_live_short')).toBe(false);
  });
});
