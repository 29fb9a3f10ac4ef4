import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KnownMessageStatus, MESSAGE_STATUSES } from './message-status';
import { canTransition, MESSAGE_TRANSITIONS } from './message-transitions';
import { rollUpPartStatuses } from './roll-up-part-statuses';

describe('rollUpPartStatuses', () => {
  it('is the parts status when all parts agree', () => {
    for (const status of MESSAGE_STATUSES) expect(rollUpPartStatuses([status, status, status])).toBe(status);
  });

  it('stays scheduled or queued while any part waits to be handed over', () => {
    expect(rollUpPartStatuses(['scheduled', 'queued'])).toBe('scheduled');
    expect(rollUpPartStatuses(['delivered', 'queued', 'sent'])).toBe('queued');
  });

  it('is sent while any part waits for a receipt', () => {
    expect(rollUpPartStatuses(['delivered', 'sent'])).toBe('sent');
    expect(rollUpPartStatuses(['bounced', 'sent'])).toBe('sent');
    expect(rollUpPartStatuses(['unknown', 'sent'])).toBe('sent');
  });

  it('is delivered only when every part was delivered', () => {
    expect(rollUpPartStatuses(['delivered', 'delivered'])).toBe('delivered');
    expect(rollUpPartStatuses(['delivered', 'expired'])).not.toBe('delivered');
  });

  it('is bounced when any part bounced and none is pending, above every other outcome', () => {
    expect(rollUpPartStatuses(['delivered', 'bounced'])).toBe('bounced');
    expect(rollUpPartStatuses(['unknown', 'failed', 'bounced'])).toBe('bounced');
  });

  it('is unknown when any part is unknown, nothing is pending and none bounced', () => {
    expect(rollUpPartStatuses(['delivered', 'unknown'])).toBe('unknown');
    expect(rollUpPartStatuses(['failed', 'unknown'])).toBe('unknown');
  });

  it('is failed when any part failed, nothing is pending or unknown and none bounced', () => {
    expect(rollUpPartStatuses(['delivered', 'failed'])).toBe('failed');
    expect(rollUpPartStatuses(['expired', 'failed'])).toBe('failed');
  });

  it('is expired when any part expired and no part failed, bounced, is unknown or pending', () => {
    expect(rollUpPartStatuses(['delivered', 'expired'])).toBe('expired');
    expect(rollUpPartStatuses(['canceled', 'expired'])).toBe('expired');
  });

  it('is canceled only when every part was canceled; a half-delivered text is failed', () => {
    expect(rollUpPartStatuses(['canceled', 'canceled'])).toBe('canceled');
    expect(rollUpPartStatuses(['delivered', 'canceled'])).toBe('failed');
  });

  it('counts a status it does not know as unknown', () => {
    expect(rollUpPartStatuses(['delivered', 'teleported'])).toBe('unknown');
    expect(rollUpPartStatuses(['teleported'])).toBe('unknown');
  });

  it('refuses a message without parts', () => {
    expect(() => rollUpPartStatuses([])).toThrow(RangeError);
  });

  // Parts of one message are dispatched and canceled together while
  // scheduled or queued; after that each moves on its own. Under that model a
  // change of one part must change the message only along an allowed
  // transition, or the message would emit events the state machine forbids.
  it('changes the message only along allowed transitions as parts move', () => {
    type Step = { kind: 'dispatch' } | { kind: 'cancel' } | { kind: 'part'; part: number; pick: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constant({ kind: 'dispatch' } as const),
      fc.constant({ kind: 'cancel' } as const),
      fc.record({ kind: fc.constant('part' as const), part: fc.nat(), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<KnownMessageStatus>('scheduled', 'queued'),
        fc.array(step, { maxLength: 30 }),
        (count, start, steps) => {
          const parts: KnownMessageStatus[] = Array.from({ length: count }, () => start);
          let message = rollUpPartStatuses(parts);
          for (const s of steps) {
            if (s.kind === 'dispatch') {
              for (let i = 0; i < parts.length; i++) if (parts[i] === 'scheduled') parts[i] = 'queued';
            } else if (s.kind === 'cancel') {
              for (let i = 0; i < parts.length; i++) {
                if (parts[i] === 'scheduled' || parts[i] === 'queued') parts[i] = 'canceled';
              }
            } else {
              const i = s.part % parts.length;
              const from = parts[i]!;
              if (from === 'scheduled') continue; // moves with the message
              const targets: readonly KnownMessageStatus[] = MESSAGE_TRANSITIONS[from];
              if (targets.length === 0) continue;
              parts[i] = targets[s.pick % targets.length]!;
            }
            const next = rollUpPartStatuses(parts);
            if (next !== message) expect(canTransition(message, next), `${message} → ${next} (${parts})`).toBe(true);
            message = next;
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
