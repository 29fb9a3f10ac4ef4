import { maskPhoneNumber } from '@karvon/sdk/phone';

// Seven or more digits, optionally with a leading + and the usual separators: long enough to be a
// phone number; short figures and ids inside gids (`gid://shopify/Customer/123…`) stay readable.
const PHONE_LIKE = /(?<![\w/])\+?\d[\d\s().-]{5,}\d/g;

/**
 * Masks anything that looks like a phone number in text that came from Shopify (GraphQL error
 * messages echo variable values), before it goes into an error message or a log.
 */
export function maskPhones(text: string): string {
  return text.replace(PHONE_LIKE, (match) => maskPhoneNumber(match));
}
