import * as z from 'zod/mini';
import type { Open } from '../common/open';
import { pure } from '../internal/pure';

/** `GET /health`: the process is up (liveness). Needs no API key. */
export interface Health {
  status: 'ok';
}

/**
 * `GET /ready`: the gateway can serve traffic (readiness): each dependency by name (`database`,
 * `queue`, …) is `ok` or `fail`. Answered with 200 when ready and 503 when not. Needs no API key.
 */
export interface Readiness {
  status: Open<'ready' | 'not_ready'>;
  checks: Record<string, Open<'ok' | 'fail'>>;
}

/** Loose (response). */
export const healthSchema = pure(() => z.looseObject({ status: z.literal('ok') }));

/** Loose (response). */
export const readinessSchema = pure(() =>
  z.looseObject({
    status: z.string(),
    checks: z.record(z.string(), z.string()),
  }),
);
