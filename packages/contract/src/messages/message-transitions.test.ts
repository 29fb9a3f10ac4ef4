import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KnownMessageStatus, MESSAGE_STATUSES, TERMINAL_STATUSES } from './message-status';
import { canTransition, eventForStatus, eventForTransition, MESSAGE_TRANSITIONS } from './message-transitions';

// The table written out once more, by hand, as the test's independent oracle.
const ALLOWED = new Set([
  'scheduled>queued',
  'scheduled>canceled',
  'scheduled>failed',
  'queued>sent',
  'queued>failed',
  'queued>bounced',
  'queued>expired',
  'queued>canceled',
  'queued>unknown',
  'sent>delivered',
  'sent>failed',
  'sent>bounced',
  'sent>expired',
  'sent>unknown',
  'unknown>delivered',
  'unknown>failed',
  'unknown>bounced',
  'unknown>expired',
]);

const pairs = MESSAGE_STATUSES.flatMap((from) => MESSAGE_STATUSES.map((to) => [from, to] as const));

describe('message state machine', () => {
  it.each(pairs)('%s → %s is allowed exactly when the table says so', (from, to) => {
    expect(canTransition(from, to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it.each(pairs)('%s → %s emits message.<to> when allowed and nothing otherwise', (from, to) => {
    expect(eventForTransition(from, to)).toBe(ALLOWED.has(`${from}>${to}`) ? `message.${to}` : undefined);
  });

  it('gives terminal statuses no exits', () => {
    for (const status of TERMINAL_STATUSES) expect(MESSAGE_TRANSITIONS[status]).toEqual([]);
  });

  it('lets unknown resolve to a late receipt but not back to pending', () => {
    expect(MESSAGE_TRANSITIONS.unknown).toEqual(['delivered', 'failed', 'bounced', 'expired']);
    expect(canTransition('unknown', 'sent')).toBe(false);
    expect(canTransition('unknown', 'canceled')).toBe(false);
  });

  it('never leads into scheduled, which is only a starting status', () => {
    for (const from of MESSAGE_STATUSES) expect(canTransition(from, 'scheduled')).toBe(false);
    expect(eventForStatus('scheduled')).toBeUndefined();
  });

  it('emits message.queued for a message created queued', () => {
    expect(eventForStatus('queued')).toBe('message.queued');
  });

  it('rejects statuses it does not know, in either position', () => {
    expect(canTransition('teleported', 'delivered')).toBe(false);
    expect(canTransition('sent', 'teleported')).toBe(false);
    expect(canTransition('toString', 'delivered')).toBe(false);
    expect(eventForStatus('teleported')).toBeUndefined();
    expect(eventForStatus('constructor')).toBeUndefined();
  });

  it('never leaves a terminal status on a random walk', () => {
    const status = fc.constantFrom(...MESSAGE_STATUSES);
    fc.assert(
      fc.property(
        fc.constantFrom<KnownMessageStatus>('scheduled', 'queued'),
        fc.array(status, { maxLength: 40 }),
        (start, attempts) => {
          let current: KnownMessageStatus = start;
          let terminal = false;
          for (const next of attempts) {
            if (canTransition(current, next)) {
              expect(terminal).toBe(false);
              current = next;
            }
            if ((TERMINAL_STATUSES as readonly string[]).includes(current)) terminal = true;
          }
          if (terminal) expect(TERMINAL_STATUSES).toContain(current);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
