import { describe, expect, it } from 'vitest';
import { formatReceiptDate } from './receipt-date';
import { formatReceiptText } from './receipt-text';

const submittedAt = Date.UTC(2025, 0, 31, 21, 58, 7);
const doneAt = Date.UTC(2025, 0, 31, 22, 1, 30);

describe('formatReceiptDate', () => {
  it('writes YYMMDDhhmm in UTC', () => {
    expect(formatReceiptDate(submittedAt, 'UTC')).toBe('2501312158');
  });

  it('writes local time without a zone marker, crossing midnight in Tashkent (UTC+5)', () => {
    expect(formatReceiptDate(submittedAt, 'Asia/Tashkent')).toBe('2502010258');
    expect(formatReceiptDate(submittedAt, 'Asia/Tashkent', true)).toBe('250201025807');
  });
});

describe('formatReceiptText', () => {
  it('writes the SMPP 3.4 Appendix B text with the first 20 characters', () => {
    const text = formatReceiptText({
      id: '1000042',
      state: 'DELIVRD',
      error: '000',
      submittedAt,
      doneAt,
      text: 'Your code is 123456, valid 5 minutes',
      timeZone: 'UTC',
    });
    expect(text).toBe(
      'id:1000042 sub:001 dlvrd:001 submit date:2501312158 done date:2501312201 stat:DELIVRD err:000 text:Your code is 123456,',
    );
  });

  it('counts nothing delivered for a failed message', () => {
    const text = formatReceiptText({
      id: 'a',
      state: 'UNDELIV',
      error: '034',
      submittedAt,
      doneAt,
      text: '',
      timeZone: 'UTC',
    });
    expect(text).toContain('dlvrd:000');
    expect(text).toContain('stat:UNDELIV err:034 text:');
  });
});
