// Hooks and logs see requests through these functions: no API keys, message bodies or full phone numbers.

const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;

/** `+998901234567` → `+99890*****67`: country and operator code kept, subscriber digits hidden. */
export function maskPhoneNumber(value: string): string {
  if (!PHONE_LIKE.test(value)) return value;
  const digits = value.replace(/\D/g, '');
  const plus = value.trim().startsWith('+') ? '+' : '';
  if (digits.length < 8) return `${plus}${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
  return `${plus}${digits.slice(0, 5)}${'*'.repeat(digits.length - 7)}${digits.slice(-2)}`;
}

/** Masks phone-number-looking runs inside free text (server-provided error details). */
export function maskPhoneNumbersIn(text: string): string {
  return text.replace(/\+?\d[\d ().-]{6,}\d/g, (match) => maskPhoneNumber(match));
}

/** `kv_live_abc…wxyz` → `kv_live_…wxyz`: the key's kind and last four characters, enough to tell keys apart. */
export function redactApiKey(key: string): string {
  const prefix = /^kv_(live|test)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  return rest.length >= 12 ? `${prefix}…${rest.slice(-4)}` : `${prefix}…`;
}

/** A copy of the headers safe to hand to hooks and loggers. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') {
      const token = value.replace(/^Bearer\s+/i, '');
      out[name] = `Bearer ${redactApiKey(token)}`;
    } else if (lower === 'cookie' || lower === 'proxy-authorization') {
      out[name] = '[redacted]';
    } else {
      out[name] = value;
    }
  }
  return out;
}

const PHONE_FIELDS = new Set(['to', 'from', 'phoneNumber']);
const TEXT_FIELDS = new Set(['body', 'text']);

/** A deep copy of a JSON request/response body with numbers masked and message texts and variable values removed. */
export function redactBody(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    if (key && PHONE_FIELDS.has(key)) return maskPhoneNumber(value);
    if (key && TEXT_FIELDS.has(key)) return `[redacted ${value.length} chars]`;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => redactBody(item, key === 'to' ? key : undefined));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = key === 'variables' ? '[redacted]' : redactBody(v, k);
    }
    return out;
  }
  return value;
}
