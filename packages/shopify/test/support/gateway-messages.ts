import { Karvon } from '@karvon/sdk';
import type { ShopifyAppHarness } from './shopify-app-harness';

/** Messages the gateway holds for `to` on the harness's account, read through the public API. */
export async function gatewayMessagesTo(harness: ShopifyAppHarness, to: string) {
  const client = new Karvon({ apiKey: harness.account.apiKey, baseUrl: harness.gateway.url, maxRetries: 0 });
  const messages = [];
  for await (const message of client.messages.list({ to })) messages.push(message);
  return messages;
}
