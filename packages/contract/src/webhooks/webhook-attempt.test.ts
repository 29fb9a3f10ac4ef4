import { describe, expect, it } from 'vitest';
import {
  listWebhookAttemptsParamsSchema,
  replayWebhookRequestSchema,
  rotatedWebhookSecretSchema,
  rotateWebhookSecretRequestSchema,
  webhookAttemptListSchema,
} from './webhook-attempt';

const EVENT = 'evt_01JD0000000000000000000000';

describe('replayWebhookRequestSchema', () => {
  it('accepts one event, or a range from since (until optional)', () => {
    expect(replayWebhookRequestSchema.safeParse({ eventId: EVENT }).success).toBe(true);
    expect(replayWebhookRequestSchema.safeParse({ since: '2026-11-01T00:00:00Z' }).success).toBe(true);
    expect(
      replayWebhookRequestSchema.safeParse({ since: '2026-11-01T05:00:00+05:00', until: '2026-11-01T00:00:01Z' })
        .success,
    ).toBe(true);
  });

  it.each([
    [{}, '/eventId', 'missing_field'],
    [{ eventId: EVENT, since: '2026-11-01T00:00:00Z' }, '/since', 'conflicting_fields'],
    [{ eventId: EVENT, until: '2026-11-01T00:00:00Z' }, '/until', 'conflicting_fields'],
    [{ since: '2026-11-02T00:00:00Z', until: '2026-11-01T00:00:00Z' }, '/until', undefined],
  ])('rejects %j at %s', (body, pointer, code) => {
    const result = replayWebhookRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(`/${issue?.path.join('/')}`).toBe(pointer);
    expect((issue as { params?: { code?: string } } | undefined)?.params?.code).toBe(code);
  });

  it('rejects a time without an offset and an id of another kind', () => {
    expect(replayWebhookRequestSchema.safeParse({ since: '2026-11-01T00:00:00' }).success).toBe(false);
    expect(replayWebhookRequestSchema.safeParse({ eventId: 'msg_01JD0000000000000000000000' }).success).toBe(false);
  });
});

describe('rotateWebhookSecretRequestSchema', () => {
  it.each([{}, { graceHours: 0 }, { graceHours: 168 }])('accepts %j', (body) => {
    expect(rotateWebhookSecretRequestSchema.safeParse(body).success).toBe(true);
  });
  it.each([{ graceHours: -1 }, { graceHours: 169 }, { graceHours: 1.5 }, { graceHours: '24' }, { grace: 1 }])(
    'rejects %j',
    (body) => {
      expect(rotateWebhookSecretRequestSchema.safeParse(body).success).toBe(false);
    },
  );
});

describe('listWebhookAttemptsParamsSchema', () => {
  it('coerces limit from the query string and bounds it', () => {
    expect(listWebhookAttemptsParamsSchema.parse({ limit: '5', eventId: EVENT })).toEqual({ limit: 5, eventId: EVENT });
    expect(listWebhookAttemptsParamsSchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(listWebhookAttemptsParamsSchema.safeParse({ limit: '101' }).success).toBe(false);
    expect(listWebhookAttemptsParamsSchema.safeParse({ cursor: 'x' }).success).toBe(false);
  });
});

describe('responses', () => {
  it('parse an attempt list with the endpoint health, and a rotated secret', () => {
    const list = {
      data: [
        { eventId: EVENT, attempt: 1, at: '2026-11-01T00:00:00Z', durationMs: 12, statusCode: null, error: 'timeout' },
      ],
      endpoint: { id: 'whe_1', disabledAt: null, failingSince: '2026-11-01T00:00:00Z' },
    };
    expect(webhookAttemptListSchema.safeParse(list).success).toBe(true);
    expect(
      rotatedWebhookSecretSchema.safeParse({ id: 'whe_1', secret: 'kv_x', previousSecretExpiresAt: 'x' }).success,
    ).toBe(false);
  });
});
