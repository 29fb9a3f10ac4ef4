import { describe, expect, it } from 'vitest';
import { createId } from './create-id';
import { ID_PREFIXES } from './id-prefixes';
import { idSchema } from './id-schema';
import { isId, parseId } from './is-id';

describe('ids', () => {
  it('creates ids with the prefix of their kind and a 26-character Crockford body', () => {
    for (const [kind, prefix] of Object.entries(ID_PREFIXES)) {
      const id = createId(kind as keyof typeof ID_PREFIXES);
      expect(id).toMatch(new RegExp(`^${prefix}_[0-9ABCDEFGHJKMNPQRSTVWXYZ]{26}$`));
    }
  });

  it('accepts a prefix as well as a kind', () => {
    expect(createId('tpl')).toMatch(/^tpl_/);
    expect(isId('msg', createId('message'))).toBe(true);
    expect(isId('message', createId('msg'))).toBe(true);
  });

  it('encodes the creation time first, so ids sort by time as strings', () => {
    const early = createId('message', { now: 1_700_000_000_000 });
    const late = createId('message', { now: 1_700_000_000_001 });
    expect(early < late).toBe(true);
    expect(createId('message', { now: 0 }).slice(4, 14)).toBe('0000000000');
    expect(createId('message', { now: 2 ** 48 - 1 }).slice(4, 14)).toBe('7ZZZZZZZZZ');
  });

  it('stays in creation order within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => createId('event', { now: 1_800_000_000_000 }));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws its randomness from the injected source', () => {
    const id = createId('request', { now: 1_900_000_000_000, getRandomValues: (b) => b.fill(0) });
    expect(id.slice(-16)).toBe('0000000000000000');
  });

  it('rejects a time outside 48 bits', () => {
    expect(() => createId('message', { now: -1 })).toThrow(RangeError);
    expect(() => createId('message', { now: 2 ** 48 })).toThrow(RangeError);
    expect(() => createId('message', { now: 1.5 })).toThrow(RangeError);
  });

  it('tells ids of one kind from others and from junk', () => {
    expect(isId('message', 'msg_01JD3Y8Z6W4K1N2P3Q4R5S6T7V')).toBe(true);
    expect(isId('message', 'tpl_01JD3Y8Z6W4K1N2P3Q4R5S6T7V')).toBe(false);
    expect(isId('message', 'msg_')).toBe(false);
    expect(isId('message', 'msg_abc-def')).toBe(false);
    expect(isId('message', `msg_${'a'.repeat(65)}`)).toBe(false);
    expect(isId('message', 42)).toBe(false);
    expect(isId('account', 'acct_7')).toBe(true);
  });

  it('parses to the branded id or undefined, without throwing', () => {
    expect(parseId('template', 'tpl_abc')).toBe('tpl_abc');
    expect(parseId('template', 'msg_abc')).toBeUndefined();
    expect(parseId('template', null)).toBeUndefined();
  });

  it('validates ids in schemas by prefix', () => {
    expect(idSchema('message').safeParse('msg_abc').success).toBe(true);
    const wrong = idSchema('message').safeParse('tpl_abc');
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe('Expected an id starting with "msg_"');
  });
});
