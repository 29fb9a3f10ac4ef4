import { describe, expect, it } from 'vitest';
import { operationNameOf } from './admin-operation';
import { APP_USAGE_RECORD_CREATE_MUTATION } from './operations/app-usage-record-create';
import { SHOP_INFO_QUERY } from './operations/shop-info';

describe('operationNameOf', () => {
  it('reads the name of queries and mutations', () => {
    expect(operationNameOf(SHOP_INFO_QUERY)).toBe('ShopInfo');
    expect(operationNameOf(APP_USAGE_RECORD_CREATE_MUTATION)).toBe('AppUsageRecordCreate');
  });

  it('answers undefined for an anonymous document', () => {
    expect(operationNameOf('{ shop { name } }')).toBeUndefined();
  });

  it('keeps the #graphql tag that @shopify/api-codegen-preset looks for', () => {
    expect(SHOP_INFO_QUERY.startsWith('#graphql')).toBe(true);
  });
});
