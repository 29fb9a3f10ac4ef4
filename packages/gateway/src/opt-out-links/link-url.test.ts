import { describe, expect, it } from 'vitest';
import { optOutLinkUrl } from './link-url';

describe('optOutLinkUrl', () => {
  it('is the base URL, /u/ and the code', () => {
    expect(optOutLinkUrl('https://sms.example.uz', 'Ab3dE9xZ')).toBe('https://sms.example.uz/u/Ab3dE9xZ');
  });

  it('does not double the slash after a base URL that ends in one', () => {
    expect(optOutLinkUrl('https://sms.example.uz/', 'Ab3dE9xZ')).toBe('https://sms.example.uz/u/Ab3dE9xZ');
    expect(optOutLinkUrl('https://example.uz/karvon//', 'Ab3dE9xZ')).toBe('https://example.uz/karvon/u/Ab3dE9xZ');
  });
});
