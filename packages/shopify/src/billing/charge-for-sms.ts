import { KarvonError } from '@karvon/sdk';
import type { ShopifyAppConfig } from '../config';
import type { AdminGraphql } from '../platform-client/admin-graphql';
import { asCurrencyCode } from '../platform-client/operations/admin-types';
import { APP_USAGE_RECORD_CREATE_MUTATION } from '../platform-client/operations/app-usage-record-create';
import { ShopifyPlatformError } from '../platform-client/shopify-platform-error';
import type { ShopifyStore } from '../storage/shopify-store';
import { findUsageLineItem } from './find-usage-line-item';
import { multiplyDecimal } from './multiply-decimal';

export type ChargeForSmsResult =
  /** Custom/unlisted app: the gateway already debited the merchant's Karvon balance. */
  | { billedBy: 'karvon' }
  | {
      billedBy: 'shopify';
      status: 'charged';
      usageRecordId: string;
      amount: string;
      currency: string;
      /** An earlier call already charged this notification; nothing was sent to Shopify. */
      alreadyCharged: boolean;
    }
  /** Not charged and retrying will not help until the merchant acts (no approved plan, cap reached). */
  | { billedBy: 'shopify'; status: 'failed'; reason: string; amount: string; currency: string };

/**
 * Charges one sent SMS. With `billing.mode: 'shopify'` (an App Store listing must bill through
 * Shopify) it records a usage row first (idempotent on notificationId), then creates an app usage
 * record of `pricePerSegment × segments` with `idempotencyKey: notificationId`, so a retry after a
 * crash between the two never charges twice. With `karvon` nothing is charged here.
 *
 * Throws ShopifyPlatformError for failures worth retrying (throttling, network, 5xx); the row is
 * marked failed meanwhile and the next call tries again with the same key.
 */
export async function chargeForSms(input: {
  config: ShopifyAppConfig;
  store: Pick<ShopifyStore, 'usage'>;
  graphql: AdminGraphql;
  shop: string;
  notificationId: string;
  segments: number;
}): Promise<ChargeForSmsResult> {
  const billing = input.config.billing;
  if (billing.mode === 'karvon') return { billedBy: 'karvon' };
  if (!Number.isInteger(input.segments) || input.segments < 1) {
    throw new KarvonError(`An SMS has at least one segment; got ${input.segments}`);
  }

  const amount = multiplyDecimal(billing.pricePerSegment, input.segments);
  const currency = billing.currency;
  const row = await input.store.usage.record({
    shop: input.shop,
    notificationId: input.notificationId,
    amount,
    currency,
  });
  if (row.status === 'charged' && row.shopifyUsageRecordId) {
    return {
      billedBy: 'shopify',
      status: 'charged',
      usageRecordId: row.shopifyUsageRecordId,
      amount: row.amount,
      currency: row.currency,
      alreadyCharged: true,
    };
  }
  const failed = async (reason: string): Promise<ChargeForSmsResult> => {
    await input.store.usage.markFailed(input.notificationId, reason);
    return { billedBy: 'shopify', status: 'failed', reason, amount: row.amount, currency: row.currency };
  };

  try {
    const lineItem = await findUsageLineItem(input.graphql);
    if (!lineItem) return await failed('The merchant has not approved the usage subscription');
    const { appUsageRecordCreate: created } = await input.graphql(APP_USAGE_RECORD_CREATE_MUTATION, {
      subscriptionLineItemId: lineItem.lineItemId,
      // The amount stored first, so a retry charges what the first attempt meant to.
      price: { amount: row.amount, currencyCode: asCurrencyCode(row.currency) },
      description: `SMS notification, ${input.segments} ${input.segments === 1 ? 'segment' : 'segments'}`,
      idempotencyKey: input.notificationId,
    });
    if (!created?.appUsageRecord || created.userErrors.length > 0) {
      return await failed(created?.userErrors.map((error) => error.message).join('; ') || 'No usage record created');
    }
    await input.store.usage.markCharged(input.notificationId, created.appUsageRecord.id);
    return {
      billedBy: 'shopify',
      status: 'charged',
      usageRecordId: created.appUsageRecord.id,
      amount: row.amount,
      currency: row.currency,
      alreadyCharged: false,
    };
  } catch (error) {
    if (error instanceof ShopifyPlatformError) await input.store.usage.markFailed(input.notificationId, error.message);
    throw error;
  }
}
