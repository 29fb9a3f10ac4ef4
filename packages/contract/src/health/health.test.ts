import { describe, expect, it } from 'vitest';
import { healthSchema, readinessSchema } from './health';

describe('health schemas', () => {
  it('parse liveness and readiness answers', () => {
    expect(healthSchema.safeParse({ status: 'ok', uptimeMs: 5 }).success).toBe(true);
    expect(healthSchema.safeParse({ status: 'down' }).success).toBe(false);
    const ready = { status: 'not_ready', checks: { database: 'ok', queue: 'fail' } };
    expect(readinessSchema.parse(ready)).toEqual(ready);
    expect(readinessSchema.safeParse({ status: 'ready' }).success).toBe(false);
  });
});
