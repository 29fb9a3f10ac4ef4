import { describe, expect, it } from 'vitest';
import { maskPhones } from './mask-phones';

describe('maskPhones', () => {
  it('masks phone numbers wherever they appear in a message', () => {
    expect(maskPhones('invalid value for phone:+998901234567 and 998 90 765 43 21')).toBe(
      'invalid value for phone:+99890*****67 and **********21',
    );
  });

  it('leaves ids inside gids and short figures readable', () => {
    const text = 'gid://shopify/Customer/7064055069303 cost 752 of 2000';
    expect(maskPhones(text)).toBe(text);
  });
});
