import { describe, expect, it } from 'vitest';
import { eventStreamParamsSchema, splitEventTypes } from './event-stream';

describe('eventStreamParamsSchema', () => {
  it('accepts no filter, a list of known types and an event id to continue after', () => {
    expect(eventStreamParamsSchema.safeParse({}).success).toBe(true);
    expect(eventStreamParamsSchema.safeParse({ types: 'message.delivered,opt_out.changed' }).success).toBe(true);
    expect(eventStreamParamsSchema.safeParse({ after: 'evt_01JD0000000000000000000000' }).success).toBe(true);
  });

  it.each([
    { types: 'message.read' },
    { types: `message.delivered,${'x'.repeat(1_000)}` },
    { types: ',' },
    { after: 'msg_01JD0000000000000000000000' },
    { cursor: 'abc' },
  ])('rejects %j', (query) => {
    expect(eventStreamParamsSchema.safeParse(query).success).toBe(false);
  });
});

describe('splitEventTypes', () => {
  it('splits on commas and drops blanks and spaces', () => {
    expect(splitEventTypes(' message.sent , ,opt_out.changed')).toEqual(['message.sent', 'opt_out.changed']);
  });
});
