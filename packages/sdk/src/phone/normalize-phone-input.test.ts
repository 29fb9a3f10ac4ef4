import { describe, expect, it } from 'vitest';
import { normalizePhoneInput } from './normalize-phone-input';

describe('normalizePhoneInput', () => {
  it.each([
    ['+998 (90) 123-45-67', '+998901234567'],
    ['tel:+998.90.123.45.67', '+998901234567'],
    ['٩٩٨٩٠١٢٣٤٥٦٧', '998901234567'],
    ['۹۹۸۹۰۱۲۳۴۵۶۷', '998901234567'],
    ['＋９９８ ９０', '+99890'],
    ['𝟗𝟗𝟖𝟵𝟬', '99890'],
    ['৯৯৮', '998'],
    ['90 +123', '90123'],
    ['Тел.: 90-123', '90123'],
    ['', ''],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizePhoneInput(input)).toBe(expected);
  });
});
