import { Webhook } from 'standardwebhooks';
import { describe, expect, it, vi } from 'vitest';
import { generateWebhookSecret } from './generate-webhook-secret';
import { signWebhook } from './sign-webhook';
import { verifyWebhookSignature } from './verify-webhook-signature';
import { WebhookVerificationError, type WebhookVerificationReason } from './webhook-verification-error';

// Test vectors shared by the reference libraries of github:standard-webhooks/standard-webhooks
// (libraries/javascript/src/webhook.test.ts, libraries/go/webhook_test.go,
// libraries/python/tests/test_webhooks.py: "sign function works"; libraries/rust/src/lib.rs: test_sign).
const VECTORS = [
  {
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    timestamp: 1614265330,
    body: '{"test": 2432232314}',
    signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  },
  {
    secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
    id: 'msg_27UH4WbU6Z5A5EzD8u03UvzRbpk',
    timestamp: 1649367553,
    body: '{"email":"test@example.com","username":"test_user"}',
    signature: 'v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=',
  },
] as const;

const [VECTOR] = VECTORS;
const SECRET = VECTOR.secret;
const at = (seconds: number) => new Date(seconds * 1000);
const headersOf = (v: { id: string; timestamp: number; signature: string }) => ({
  'webhook-id': v.id,
  'webhook-timestamp': String(v.timestamp),
  'webhook-signature': v.signature,
});

async function reasonOf(promise: Promise<unknown>): Promise<WebhookVerificationReason> {
  try {
    await promise;
  } catch (error) {
    if (WebhookVerificationError.isInstance(error)) return error.reason;
    throw error;
  }
  throw new Error('expected a WebhookVerificationError, but verification passed');
}

describe('verifyWebhookSignature', () => {
  it.each(VECTORS)('accepts the reference test vector signed at $timestamp', async (v) => {
    const result = await verifyWebhookSignature(v.body, headersOf(v), v.secret, { now: at(v.timestamp) });
    expect(result).toEqual({ id: v.id, timestamp: at(v.timestamp), scheme: 'v1' });
  });

  it('accepts the secret with or without the whsec_ prefix, and with surrounding whitespace', async () => {
    const unprefixed = SECRET.slice('whsec_'.length);
    for (const secret of [unprefixed, `  ${SECRET}\n`]) {
      await expect(
        verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), secret, { now: at(VECTOR.timestamp) }),
      ).resolves.toMatchObject({ scheme: 'v1' });
    }
  });

  it('accepts secrets whose base64 padding was left off', async () => {
    // Same cases as the Python reference test "unpadded secret".
    for (const unpadded of ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr']) {
      const padded = unpadded.padEnd(Math.ceil(unpadded.length / 4) * 4, '=');
      const signature = new Webhook(padded).sign(VECTOR.id, at(VECTOR.timestamp), VECTOR.body);
      const headers = headersOf({ ...VECTOR, signature });
      for (const secret of [unpadded, `whsec_${unpadded}`]) {
        await expect(
          verifyWebhookSignature(VECTOR.body, headers, secret, { now: at(VECTOR.timestamp) }),
        ).resolves.toMatchObject({ scheme: 'v1' });
      }
    }
  });

  it('verifies the same bytes given as a string, a Uint8Array, a Node Buffer or an ArrayBuffer', async () => {
    const bytes = new TextEncoder().encode(VECTOR.body);
    const offsetView = new Uint8Array(bytes.length + 4).subarray(2, 2 + bytes.length);
    offsetView.set(bytes);
    for (const body of [VECTOR.body, bytes, Buffer.from(VECTOR.body), bytes.buffer, offsetView]) {
      await expect(
        verifyWebhookSignature(body, headersOf(VECTOR), SECRET, { now: at(VECTOR.timestamp) }),
      ).resolves.toMatchObject({ id: VECTOR.id });
    }
  });

  it('rejects a body changed by a single character', async () => {
    const tampered = VECTOR.body.replace('2432232314', '2432232315');
    expect(
      await reasonOf(verifyWebhookSignature(tampered, headersOf(VECTOR), SECRET, { now: at(VECTOR.timestamp) })),
    ).toBe('no_matching_signature');
  });

  it('rejects a body that was parsed and serialized again (the raw-body trap)', async () => {
    const reserialized = JSON.stringify(JSON.parse(VECTOR.body));
    expect(reserialized).not.toBe(VECTOR.body);
    expect(
      await reasonOf(verifyWebhookSignature(reserialized, headersOf(VECTOR), SECRET, { now: at(VECTOR.timestamp) })),
    ).toBe('no_matching_signature');
  });

  it('rejects a changed id or timestamp, which the signature also covers', async () => {
    const now = at(VECTOR.timestamp);
    const otherId = { ...headersOf(VECTOR), 'webhook-id': 'msg_other' };
    const otherTime = { ...headersOf(VECTOR), 'webhook-timestamp': String(VECTOR.timestamp + 1) };
    expect(await reasonOf(verifyWebhookSignature(VECTOR.body, otherId, SECRET, { now }))).toBe('no_matching_signature');
    expect(await reasonOf(verifyWebhookSignature(VECTOR.body, otherTime, SECRET, { now }))).toBe(
      'no_matching_signature',
    );
  });

  it('rejects the wrong secret', async () => {
    const wrong = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
    expect(
      await reasonOf(verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), wrong, { now: at(VECTOR.timestamp) })),
    ).toBe('no_matching_signature');
  });

  it('accepts when any of several rotated secrets matches, in any order', async () => {
    const old = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
    const now = at(VECTOR.timestamp);
    await expect(verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), [old, SECRET], { now })).resolves.toBeTruthy();
    await expect(verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), [SECRET, old], { now })).resolves.toBeTruthy();
  });

  it('accepts a header with several signatures when one of them matches', async () => {
    // The multi-signature case of the reference tests: foreign versions and wrong v1 signatures around the valid one.
    const signature = [
      'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
      'v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
      VECTOR.signature,
      'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
    ].join(' ');
    await expect(
      verifyWebhookSignature(VECTOR.body, { ...headersOf(VECTOR), 'webhook-signature': signature }, SECRET, {
        now: at(VECTOR.timestamp),
      }),
    ).resolves.toMatchObject({ scheme: 'v1' });
  });

  it.each([
    ['a wrong signature', 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc='],
    ['a truncated signature', VECTOR.signature.slice(0, 8)],
    ['an empty v1 signature', 'v1,'],
    ['a signature that is not base64', 'v1,dawfeoifkpqwoekfpqoekf!!'],
    ['the right signature under an unknown version', VECTOR.signature.replace('v1,', 'v2,')],
    ['the right signature without a version', VECTOR.signature.slice(3)],
  ])('rejects %s as no matching signature', async (_name, signature) => {
    const headers = { ...headersOf(VECTOR), 'webhook-signature': signature };
    expect(await reasonOf(verifyWebhookSignature(VECTOR.body, headers, SECRET, { now: at(VECTOR.timestamp) }))).toBe(
      'no_matching_signature',
    );
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const)(
    'rejects a request without %s and names it',
    async (name) => {
      const headers: Record<string, string> = headersOf(VECTOR);
      delete headers[name];
      const error = await verifyWebhookSignature(VECTOR.body, headers, SECRET, { now: at(VECTOR.timestamp) }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as WebhookVerificationError).reason).toBe('missing_headers');
      expect((error as WebhookVerificationError).message).toContain(name);
    },
  );

  it('treats an empty or blank header as missing', async () => {
    const headers = { ...headersOf(VECTOR), 'webhook-id': '  ' };
    expect(await reasonOf(verifyWebhookSignature(VECTOR.body, headers, SECRET))).toBe('missing_headers');
  });

  it.each(['hello', '1614265330.5', '-1614265330', '1e9', '', ' 16142 65330'])(
    'rejects the timestamp %j as invalid',
    async (timestamp) => {
      const headers = { ...headersOf(VECTOR), 'webhook-timestamp': timestamp };
      const reason = await reasonOf(
        verifyWebhookSignature(VECTOR.body, headers, SECRET, { now: at(VECTOR.timestamp) }),
      );
      expect(reason).toBe(timestamp === '' ? 'missing_headers' : 'invalid_timestamp');
    },
  );

  it('rejects a timestamp older than the default five minutes and accepts one at the limit', async () => {
    const headers = headersOf(VECTOR);
    await expect(
      verifyWebhookSignature(VECTOR.body, headers, SECRET, { now: at(VECTOR.timestamp + 300) }),
    ).resolves.toBeTruthy();
    expect(
      await reasonOf(verifyWebhookSignature(VECTOR.body, headers, SECRET, { now: at(VECTOR.timestamp + 301) })),
    ).toBe('timestamp_too_old');
  });

  it('rejects a timestamp more than five minutes in the future and accepts one at the limit', async () => {
    const headers = headersOf(VECTOR);
    await expect(
      verifyWebhookSignature(VECTOR.body, headers, SECRET, { now: at(VECTOR.timestamp - 300) }),
    ).resolves.toBeTruthy();
    expect(
      await reasonOf(verifyWebhookSignature(VECTOR.body, headers, SECRET, { now: at(VECTOR.timestamp - 301) })),
    ).toBe('timestamp_too_new');
  });

  it('checks the timestamp against the real clock when no time is given', async () => {
    // The vector is from 2021: far too old for today.
    expect(await reasonOf(verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), SECRET))).toBe('timestamp_too_old');
  });

  it('honours a custom tolerance, and Infinity turns the check off', async () => {
    const now = at(VECTOR.timestamp + 60);
    expect(
      await reasonOf(verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), SECRET, { now, toleranceSec: 30 })),
    ).toBe('timestamp_too_old');
    await expect(
      verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), SECRET, { toleranceSec: Number.POSITIVE_INFINITY }),
    ).resolves.toBeTruthy();
  });

  it('refuses a negative or NaN tolerance', async () => {
    await expect(verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), SECRET, { toleranceSec: -1 })).rejects.toThrow(
      RangeError,
    );
    await expect(
      verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), SECRET, { toleranceSec: Number.NaN }),
    ).rejects.toThrow(RangeError);
  });

  it('checks the timestamp before the signature, so a stale replay is reported as stale', async () => {
    const headers = { ...headersOf(VECTOR), 'webhook-signature': 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=' };
    expect(await reasonOf(verifyWebhookSignature(VECTOR.body, headers, SECRET))).toBe('timestamp_too_old');
  });

  it.each([
    ['an empty string', ''],
    ['a bare prefix', 'whsec_'],
    ['base64url characters', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa-_'],
    ['a stray character', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS*'],
    ['an impossible length', 'whsec_MfKQ9'],
    ['misplaced padding', 'whsec_Mf=Q9r8G'],
  ])('reports a secret with %s as malformed', async (_name, secret) => {
    const error = await verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), secret, {
      now: at(VECTOR.timestamp),
    }).catch((e: unknown) => e);
    expect((error as WebhookVerificationError).reason).toBe('malformed_secret');
    expect((error as Error).message).not.toContain('MfKQ9r8G');
  });

  it('reports an empty list of secrets as malformed', async () => {
    expect(
      await reasonOf(verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), [], { now: at(VECTOR.timestamp) })),
    ).toBe('malformed_secret');
  });

  it('reports a malformed secret even when another secret in the list matches', async () => {
    expect(
      await reasonOf(
        verifyWebhookSignature(VECTOR.body, headersOf(VECTOR), [SECRET, 'whsec_%%%'], { now: at(VECTOR.timestamp) }),
      ),
    ).toBe('malformed_secret');
  });

  describe('rotation without redundant work', () => {
    // The Node path calls node:crypto's createHmac once per HMAC computed.
    const nodeCrypto = process.getBuiltinModule('node:crypto');

    it('computes one HMAC per secret, however many v1 signatures the header carries', async () => {
      const secrets = [generateWebhookSecret(), generateWebhookSecret(), generateWebhookSecret()];
      const headers = await signWebhook({ id: 'evt_rot', timestamp: VECTOR.timestamp, body: '{}', secret: secrets });
      const wrong = 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=';
      const lastOnly = `${wrong} ${wrong} ${headers['webhook-signature'].split(' ')[2]} ${wrong}`;
      const spy = vi.spyOn(nodeCrypto, 'createHmac');
      try {
        await expect(
          verifyWebhookSignature('{}', { ...headers, 'webhook-signature': lastOnly }, secrets, {
            now: at(VECTOR.timestamp),
          }),
        ).resolves.toMatchObject({ scheme: 'v1' });
        expect(spy).toHaveBeenCalledTimes(3);
        spy.mockClear();
        // The same secret listed twice, and no match: still one HMAC.
        const error = await verifyWebhookSignature(
          '{}',
          { ...headers, 'webhook-signature': wrong },
          [secrets[0]!, secrets[0]!],
          { now: at(VECTOR.timestamp) },
        ).catch((e: unknown) => e);
        expect((error as WebhookVerificationError).reason).toBe('no_matching_signature');
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('headers', () => {
    const now = at(VECTOR.timestamp);

    it('reads a Fetch Headers object', async () => {
      await expect(
        verifyWebhookSignature(VECTOR.body, new Headers(headersOf(VECTOR)), SECRET, { now }),
      ).resolves.toBeTruthy();
    });

    it('reads a plain record in any letter case', async () => {
      const headers = {
        'Webhook-Id': VECTOR.id,
        'WEBHOOK-TIMESTAMP': String(VECTOR.timestamp),
        'webhook-Signature': VECTOR.signature,
      };
      await expect(verifyWebhookSignature(VECTOR.body, headers, SECRET, { now })).resolves.toBeTruthy();
    });

    it('reads array values as Node gives repeated headers, trying every signature', async () => {
      const headers = {
        'webhook-id': [VECTOR.id],
        'webhook-timestamp': [String(VECTOR.timestamp)],
        'webhook-signature': ['v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=', VECTOR.signature],
      };
      await expect(verifyWebhookSignature(VECTOR.body, headers, SECRET, { now })).resolves.toBeTruthy();
    });

    it('reads repeated signature headers that a Headers object joined with ", "', async () => {
      const headers = new Headers(headersOf(VECTOR));
      headers.set('webhook-signature', 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=');
      headers.append('webhook-signature', VECTOR.signature);
      expect(headers.get('webhook-signature')).toContain(', ');
      await expect(verifyWebhookSignature(VECTOR.body, headers, SECRET, { now })).resolves.toBeTruthy();
    });

    it('ignores surrounding whitespace and extra spaces between signatures', async () => {
      const headers = {
        ...headersOf(VECTOR),
        'webhook-id': ` ${VECTOR.id} `,
        'webhook-signature': `  v2,abc   ${VECTOR.signature}  `,
      };
      await expect(verifyWebhookSignature(VECTOR.body, headers, SECRET, { now })).resolves.toBeTruthy();
    });

    it('treats undefined and empty-array values as missing', async () => {
      const headers = { ...headersOf(VECTOR), 'webhook-signature': [] as string[], 'webhook-id': undefined };
      const error = await verifyWebhookSignature(VECTOR.body, headers, SECRET, { now }).catch((e: unknown) => e);
      expect((error as WebhookVerificationError).reason).toBe('missing_headers');
      expect((error as Error).message).toMatch(/webhook-id.*webhook-signature/);
    });
  });

  describe('interoperability with the standardwebhooks package', () => {
    const body = JSON.stringify({ type: 'message.delivered', data: { messageId: 'msg_01', text: 'Salom, dunyo! ✓' } });

    it('verifies what standardwebhooks signs', async () => {
      const secret = 'whsec_dGhpcyBpcyBhIDMyIGJ5dGUgc2VjcmV0IGtleSEhIQ==';
      const timestamp = new Date(1_780_000_000_000);
      const signature = new Webhook(secret).sign('msg_interop', timestamp, body);
      const headers = {
        'webhook-id': 'msg_interop',
        'webhook-timestamp': '1780000000',
        'webhook-signature': signature,
      };
      await expect(verifyWebhookSignature(body, headers, secret, { now: timestamp })).resolves.toMatchObject({
        id: 'msg_interop',
      });
    });

    it('produces headers that standardwebhooks verifies', async () => {
      const secret = 'whsec_dGhpcyBpcyBhIDMyIGJ5dGUgc2VjcmV0IGtleSEhIQ==';
      const headers = await signWebhook({ id: 'msg_interop', body, secret });
      expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    });
  });
});

describe('WebhookVerificationError', () => {
  it('is a KarvonError with a stable name, its reason and a JSON form without secrets', async () => {
    const { KarvonError } = await import('../errors/karvon-error');
    const error = await verifyWebhookSignature(
      VECTOR.body,
      headersOf(VECTOR),
      'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
      {
        now: at(VECTOR.timestamp),
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KarvonError);
    expect(KarvonError.isInstance(error)).toBe(true);
    expect(WebhookVerificationError.isInstance(error)).toBe(true);
    expect(WebhookVerificationError.isInstance(new Error('x'))).toBe(false);
    expect((error as Error).name).toBe('WebhookVerificationError');
    const json = JSON.stringify(error);
    expect(JSON.parse(json)).toMatchObject({ name: 'WebhookVerificationError', reason: 'no_matching_signature' });
    expect(json).not.toContain('C2FVsBQI');
    expect(json).not.toContain('g0hM9SsE');
  });
});
