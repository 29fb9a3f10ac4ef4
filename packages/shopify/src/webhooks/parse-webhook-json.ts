/**
 * JSON.parse for webhook bodies that keeps 64-bit ids exact: Shopify's ids are JSON numbers and
 * may pass 2^53, where `JSON.parse` silently rounds them (820982911946154508 → …500). Any integer
 * that is not safe is returned as its source text instead (Node ≥ 21 gives revivers the source).
 */
export function parseWebhookJson(text: string): unknown {
  return JSON.parse(text, function keepLargeIntegers(
    this: unknown,
    _key: string,
    value: unknown,
    context?: { source?: string },
  ) {
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source) {
      return context.source;
    }
    return value;
  } as (key: string, value: unknown) => unknown);
}
