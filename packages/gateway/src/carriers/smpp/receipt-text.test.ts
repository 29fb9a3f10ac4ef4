import { describe, expect, it } from 'vitest';
import { parseReceiptDate, parseReceiptText } from './receipt-text';

describe('parseReceiptText', () => {
  it.each([
    [
      'the standard text',
      'id:1000042 sub:001 dlvrd:001 submit date:2501151030 done date:2501151031 stat:DELIVRD err:000 text:Hello there',
      { id: '1000042', sub: '001', dlvrd: '001', stat: 'DELIVRD', err: '000', text: 'Hello there' },
    ],
    ['any case', 'ID:ab12 Sub:1 DLVRD:1 Stat:undeliv Err:034', { id: 'ab12', stat: 'UNDELIV', err: '034', text: null }],
    ['missing fields', 'id:7 stat:EXPIRED', { id: '7', sub: null, dlvrd: null, err: null, stat: 'EXPIRED' }],
    [
      'underscored dates',
      'id:9 submit_date:2501151030 done_date:2501151031 stat:DELIVRD',
      { id: '9', stat: 'DELIVRD' },
    ],
    [
      'text with colons',
      'id:1 stat:DELIVRD err:000 text:code: 1234 stat:x',
      { text: 'code: 1234 stat:x', stat: 'DELIVRD' },
    ],
    ['no receipt at all', 'hello', { id: null, stat: null }],
  ])('reads %s', (_name, body, expected) => {
    expect(parseReceiptText(body)).toMatchObject(expected);
  });

  it('reads 10- and 12-digit dates in UTC', () => {
    const fields = parseReceiptText('id:1 submit date:2501151030 done date:250115103145 stat:DELIVRD');
    expect(fields.submitDate?.toISOString()).toBe('2025-01-15T10:30:00.000Z');
    expect(fields.doneDate?.toISOString()).toBe('2025-01-15T10:31:45.000Z');
  });
});

describe('parseReceiptDate', () => {
  it('reads Tashkent local time as UTC+5', () => {
    expect(parseReceiptDate('2501151030', 'Asia/Tashkent')?.toISOString()).toBe('2025-01-15T05:30:00.000Z');
  });

  it('follows daylight saving time in the zone', () => {
    expect(parseReceiptDate('2507011200', 'Europe/Berlin')?.toISOString()).toBe('2025-07-01T10:00:00.000Z');
    expect(parseReceiptDate('2501011200', 'Europe/Berlin')?.toISOString()).toBe('2025-01-01T11:00:00.000Z');
  });

  it.each(['', '25011510', '2513151030', 'abcdefghij', null])('returns null for %j', (value) => {
    expect(parseReceiptDate(value)).toBeNull();
  });
});
