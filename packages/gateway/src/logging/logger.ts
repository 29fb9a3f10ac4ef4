import { maskPhoneNumber } from '@karvon/sdk/phone';
import pino, { type Logger, type LoggerOptions } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

// Paths that may carry secrets or personal data. pino's redaction is
// path-based; phone numbers anywhere in a message are masked by the
// formatter below as well, because they turn up in free text (errors, URLs).
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'headers.authorization',
  'authorization',
  'apiKey',
  'key',
  'secret',
  'password',
  'body',
  'text',
  '*.apiKey',
  '*.key',
  '*.secret',
  '*.body',
  '*.text',
];

const PHONE = /\+?\d[\d ()-]{6,}\d/g;

/** Masks every phone-number-like run of digits in a string (`+99890*****67`). */
export function maskPhoneNumbersIn(text: string): string {
  return text.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '');
    return digits.length >= 7 && digits.length <= 15 ? maskPhoneNumber(match) : match;
  });
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPhoneNumbersIn(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: {
      log: (object) => maskDeep(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPhoneNumbersIn(a) : a)) as Parameters<
          typeof method
        >;
        return method.apply(this, masked);
      },
    },
    serializers: {
      // The URL may hold a phone number (`DELETE /opt-outs/+998…`); the query may too.
      req: (req: { method?: string; url?: string; id?: string }) => ({
        method: req.method,
        url: maskPhoneNumbersIn(decodeURIComponent(req.url ?? '')),
        id: req.id,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
