import { afterEach, describe, expect, it } from 'vitest';
import { KarvonError } from '../errors/karvon-error';
import { Karvon } from './karvon';

const BASE = 'http://127.0.0.1:1';

describe('Karvon', () => {
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
    delete (globalThis as { document?: unknown }).document;
  });

  function pretendBrowser() {
    (globalThis as { window?: unknown }).window = {};
    (globalThis as { document?: unknown }).document = {};
  }

  it('refuses a string key in a browser page', () => {
    pretendBrowser();
    expect(() => new Karvon({ apiKey: 'kv_live_secret', baseUrl: BASE })).toThrow(KarvonError);
    expect(() => new Karvon({ apiKey: 'kv_live_secret', baseUrl: BASE })).toThrow(/dangerouslyAllowBrowser/);
  });

  it('never puts the key in that error message', () => {
    pretendBrowser();
    expect(() => new Karvon({ apiKey: 'kv_live_hunter2', baseUrl: BASE })).not.toThrow(/hunter2/);
  });

  it('allows a string key in a browser with dangerouslyAllowBrowser', () => {
    pretendBrowser();
    expect(() => new Karvon({ apiKey: 'kv_live_secret', baseUrl: BASE, dangerouslyAllowBrowser: true })).not.toThrow();
  });

  it('allows a token provider in a browser', () => {
    pretendBrowser();
    expect(() => new Karvon({ apiKey: async () => 'short-lived', baseUrl: BASE })).not.toThrow();
  });

  it('allows a string key outside browsers (Node, workers, edge)', () => {
    (globalThis as { window?: unknown }).window = {};
    expect(() => new Karvon({ apiKey: 'kv_live_secret', baseUrl: BASE })).not.toThrow();
  });

  it('requires an apiKey and a baseUrl', () => {
    expect(() => new Karvon({ apiKey: '', baseUrl: BASE })).toThrow(/apiKey/);
    expect(() => new Karvon({ apiKey: 'kv_test_x', baseUrl: '' })).toThrow(/baseUrl/);
  });

  it('exposes its effective settings', () => {
    const karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: `${BASE}/` });
    expect(karvon.baseUrl).toBe(BASE);
    expect(karvon.maxRetries).toBe(2);
    expect(karvon.timeoutMs).toBe(30_000);
    expect(karvon.apiVersion).toBe('2026-11-01');
  });
});
