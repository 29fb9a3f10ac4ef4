import { describe, expect, it } from 'vitest';
import { validityPeriod } from './submit-plan';

describe('validityPeriod', () => {
  const now = Date.UTC(2025, 0, 15, 10, 0, 0);
  it('writes an absolute time in UTC', () => {
    expect(validityPeriod(new Date(Date.UTC(2025, 0, 16, 9, 5, 7)), 'absolute', now)).toBe('250116090507000+');
  });
  it('writes a relative period as days, hours, minutes and seconds', () => {
    expect(validityPeriod(new Date(now + (86_400 + 2 * 3600 + 3 * 60 + 4) * 1000), 'relative', now)).toBe(
      '000001020304000R',
    );
  });
});
