/**
 * The opt-out link to append to a marketing message: `https://sms.example.uz/u/Ab3dE9xZ`.
 * Short on purpose: every character of it is paid for in the SMS segment count.
 */
export function optOutLinkUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/u/${encodeURIComponent(code)}`;
}
