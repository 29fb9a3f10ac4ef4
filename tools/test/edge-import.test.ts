// @vitest-environment edge-runtime
import { describe, expect, it } from 'vitest';

// The built ESM files of the edge-safe entries, loaded inside vitest's
// edge-runtime environment (the globals of Vercel's Edge Runtime): what an
// edge function gets after `turbo run build`. Imported by file, not by
// package name, so the source alias of vitest.shared.ts does not apply.
const dist = (path: string) => new URL(`../../packages/${path}`, import.meta.url).href;

async function load<T>(path: string): Promise<T> {
  try {
    return (await import(/* @vite-ignore */ dist(path))) as T;
  } catch (error) {
    throw new Error(`Cannot load packages/${path}; build it first (pnpm turbo run build): ${String(error)}`);
  }
}

describe('built entries on an edge runtime', () => {
  it('@karvon/sdk/encoding counts segments', async () => {
    const { analyze } = await load<{ analyze: (text: string) => { encoding: string; segments: number } }>(
      'sdk/dist/encoding/index.js',
    );
    expect(analyze('Salom, dunyo!')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(analyze('Привет')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
  });

  it('@karvon/sdk/webhooks signs and verifies with Web Crypto', async () => {
    const webhooks = await load<{
      generateWebhookSecret: () => string;
      signWebhook: (input: { id: string; body: string; secret: string }) => Promise<Record<string, string>>;
      verifyWebhook: (body: string, headers: Record<string, string>, secret: string) => Promise<{ type: string }>;
    }>('sdk/dist/webhooks/index.js');
    const secret = webhooks.generateWebhookSecret();
    expect(secret).toMatch(/^whsec_/);
    const body = JSON.stringify({
      id: 'evt_01',
      type: 'message.delivered',
      timestamp: new Date().toISOString(),
      apiVersion: '2026-11-01',
      data: {},
    });
    const headers = await webhooks.signWebhook({ id: 'evt_01', body, secret });
    await expect(webhooks.verifyWebhook(body, headers, secret)).resolves.toMatchObject({ type: 'message.delivered' });
  });

  it('@karvon/contract validates a problem document with zod/mini', async () => {
    const { isProblem, ERROR_CODES } = await load<{
      isProblem: (value: unknown) => boolean;
      ERROR_CODES: Record<string, { status: number }>;
    }>('contract/dist/index.js');
    expect(ERROR_CODES.invalid_phone_number?.status).toBe(422);
    expect(
      isProblem({ type: 'about:blank', title: 'Invalid phone number', status: 422, code: 'invalid_phone_number' }),
    ).toBe(true);
    expect(isProblem({ title: 'no status' })).toBe(false);
  });

  it('@karvon/sdk/phone parses and masks', async () => {
    const phone = await load<{
      parsePhoneNumber: (input: string, options: { defaultCountry: string }) => { valid: boolean; e164?: string };
      maskPhoneNumber: (input: string) => string;
    }>('sdk/dist/phone/index.js');
    expect(phone.parsePhoneNumber('90 123 45 67', { defaultCountry: 'UZ' })).toMatchObject({ e164: '+998901234567' });
    expect(phone.maskPhoneNumber('+998901234567')).toBe('+99890*****67');
  });
});
