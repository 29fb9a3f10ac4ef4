import * as z from 'zod/mini';
import { rfc3339Schema } from '../common/rfc3339';
import type { EventId, WebhookEndpointId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';

/** One try at delivering an event to an endpoint, as the gateway logged it. */
export interface WebhookAttempt {
  eventId: EventId;
  /** 1 for the first try; a replay continues the count. */
  attempt: number;
  /** RFC 3339 */
  at: string;
  durationMs: number;
  /** The endpoint's HTTP status; null when no answer came (timeout, refused, blocked address). */
  statusCode: number | null;
  /** Why the try failed; null after a 2xx. */
  error: string | null;
}

/** Whether the gateway still delivers to an endpoint. */
export interface WebhookEndpointHealth {
  id: WebhookEndpointId;
  /** RFC 3339: set when the endpoint failed for too long; deliveries stopped until a replay. */
  disabledAt: string | null;
  /** RFC 3339: the first failure of the current run of failures; null while it answers 2xx. */
  failingSince: string | null;
}

/** The answer to `GET /webhooks/{id}/attempts`: attempts newest first, and the endpoint's health. */
export interface WebhookAttemptList {
  data: WebhookAttempt[];
  endpoint: WebhookEndpointHealth;
}

/** The query of `GET /webhooks/{id}/attempts`. */
export interface ListWebhookAttemptsParams {
  /** 1 to 100; default 20. */
  limit?: number;
  /** Only the attempts at this event. */
  eventId?: EventId;
}

/**
 * The body of `POST /webhooks/{id}/replay`: one event (`eventId`), or every event that happened
 * from `since` up to `until` (default: now). Exactly one of `eventId` and `since`.
 */
export interface ReplayWebhookRequest {
  eventId?: EventId;
  /** RFC 3339, inclusive. */
  since?: string;
  /** RFC 3339, exclusive; only with `since`. */
  until?: string;
}

/** The answer to `POST /webhooks/{id}/replay`. */
export interface WebhookReplay {
  /** Deliveries queued (events the endpoint subscribes to). */
  queued: number;
}

export const WEBHOOK_SECRET_GRACE_HOURS = { default: 24, max: 168 } as const;

/** The body of `POST /webhooks/{id}/rotate-secret`. */
export interface RotateWebhookSecretRequest {
  /** How long the previous secret still signs (0 to 168 hours; default 24). */
  graceHours?: number;
}

/** The answer to `POST /webhooks/{id}/rotate-secret`: the new secret, shown this once. */
export interface RotatedWebhookSecret {
  id: WebhookEndpointId;
  /** `whsec_…`: store it now. */
  secret: string;
  /** RFC 3339: until then deliveries carry a signature with each secret. */
  previousSecretExpiresAt: string;
}

// Query strings arrive as text: "20" and 20 are both accepted.
const attemptsLimitSchema = pure(() =>
  z.coerce.number().check(z.refine(Number.isInteger, 'Must be an integer'), z.gte(1), z.lte(100)),
);

/** Strict (query). */
export const listWebhookAttemptsParamsSchema = pure(() =>
  z.strictObject({
    limit: z.exactOptional(attemptsLimitSchema),
    eventId: z.exactOptional(idSchema('event')),
  }),
);

/** Strict (request). */
export const replayWebhookRequestSchema = pure(() =>
  z
    .strictObject({
      eventId: z.exactOptional(idSchema('event')),
      since: z.exactOptional(rfc3339Schema),
      until: z.exactOptional(rfc3339Schema),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.eventId !== undefined && value.since !== undefined) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: ['since'],
            message: 'Give either eventId or since, not both',
            params: { code: 'conflicting_fields' },
          });
        } else if (value.eventId === undefined && value.since === undefined) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: ['eventId'],
            message: 'Give the eventId of one event, or since (and until) for a time range',
            params: { code: 'missing_field' },
          });
        } else if (value.until !== undefined && value.since === undefined) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: ['until'],
            message: 'until goes with since',
            params: { code: 'conflicting_fields' },
          });
        } else if (value.since !== undefined && value.until !== undefined) {
          // Compare the instants, not the text: the two may carry different offsets.
          if (Date.parse(value.until) <= Date.parse(value.since)) {
            ctx.issues.push({ code: 'custom', input: value, path: ['until'], message: 'until must be after since' });
          }
        }
      }),
    ),
);

/** Strict (request). */
export const rotateWebhookSecretRequestSchema = pure(() =>
  z.strictObject({
    graceHours: z.exactOptional(z.int().check(z.gte(0), z.lte(WEBHOOK_SECRET_GRACE_HOURS.max))),
  }),
);

/** Loose (response). */
export const webhookAttemptSchema = pure(() =>
  z.looseObject({
    eventId: idSchema('event'),
    attempt: z.int().check(z.gte(1)),
    at: z.string(),
    durationMs: z.number().check(z.gte(0)),
    statusCode: z.nullable(z.int()),
    error: z.nullable(z.string()),
  }),
);

/** Loose (response) of `GET /webhooks/{id}/attempts`. */
export const webhookAttemptListSchema = pure(() =>
  z.looseObject({
    data: z.array(webhookAttemptSchema),
    endpoint: z.looseObject({
      id: idSchema('webhookEndpoint'),
      disabledAt: z.nullable(z.string()),
      failingSince: z.nullable(z.string()),
    }),
  }),
);

/** Loose (response) of `POST /webhooks/{id}/replay`. */
export const webhookReplaySchema = pure(() => z.looseObject({ queued: z.int().check(z.gte(0)) }));

/** Loose (response) of `POST /webhooks/{id}/rotate-secret`. */
export const rotatedWebhookSecretSchema = pure(() =>
  z.looseObject({
    id: idSchema('webhookEndpoint'),
    secret: z.string().check(z.startsWith('whsec_')),
    previousSecretExpiresAt: z.string(),
  }),
);
