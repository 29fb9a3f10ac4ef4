import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../notifications/default-templates';
import { findUnknownVariables } from './find-unknown-variables';

describe('findUnknownVariables', () => {
  it('finds nothing in any default template', () => {
    for (const byLocale of Object.values(DEFAULT_TEMPLATES)) {
      for (const body of Object.values(byLocale)) expect(findUnknownVariables(body)).toEqual([]);
    }
  });

  it('names each unknown placeholder once, in order of first use, case included', () => {
    expect(findUnknownVariables('Hi {name}, {order_name} {Name} {name} {discount_code}')).toEqual([
      'name',
      'Name',
      'discount_code',
    ]);
  });

  it('ignores braces that are not placeholders', () => {
    expect(findUnknownVariables('{} { first_name } {1abc} 50% {off')).toEqual([]);
  });
});
