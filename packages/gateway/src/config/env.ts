import * as z from 'zod';

// Every setting the process reads from its environment, validated once at
// start: a bad value stops the gateway with one line naming the variable.
const port = z.coerce
  .number({ error: 'must be an integer from 0 to 65535' })
  .int('must be an integer from 0 to 65535')
  .min(0, 'must be an integer from 0 to 65535')
  .max(65_535, 'must be an integer from 0 to 65535');
const positiveInt = z.coerce
  .number({ error: 'must be a positive integer' })
  .int('must be a positive integer')
  .positive('must be a positive integer');

export const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  KARVON_DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  KARVON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KARVON_BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  KARVON_IDEMPOTENCY_TTL_HOURS: positiveInt.default(168),
  KARVON_RATE_LIMIT_PER_SECOND: positiveInt.default(200),
  KARVON_RATE_LIMIT_BURST: positiveInt.default(400),
  KARVON_DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as UZ')
    .default('UZ'),
  /** Message bodies are set to null after this many days. */
  KARVON_BODY_RETENTION_DAYS: positiveInt.default(30),
  /** Message records are deleted after this many days (ledger rows stay). */
  KARVON_RECORD_RETENTION_DAYS: positiveInt.default(365),
  /** JSON price table (see money/pricing.ts); the demo table when absent. */
  KARVON_PRICE_TABLE: z.string().optional(),
  /** Ported numbers, a JSON object of E.164 → operator id (routing/number-portability.ts). */
  KARVON_PORTABILITY_FILE: z.string().min(1).optional(),
  /** The public base URL of the gateway's pages (opt-out links), e.g. https://sms.example.uz */
  KARVON_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional(),
  /** `true`: webhook URLs may be http and loopback/private (local development only). */
  KARVON_ALLOW_PRIVATE_WEBHOOK_URLS: z.enum(['true', 'false']).default('false'),
  /** Bearer token of the operator API (/operator/...); unset = no operator API. SECRET. */
  KARVON_OPERATOR_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  /** The carriers file (profiles and routes); without it live messages wait `queued`. */
  KARVON_CARRIERS_FILE: z.string().min(1).optional(),
  /** How long a dispatcher's claim on a message lasts; a crashed process's messages wait this long. */
  KARVON_DISPATCH_LEASE_MS: positiveInt.default(120_000),
  /** How long a process holds a carrier bind slot without renewing it (renewed every third). */
  KARVON_CARRIER_LEASE_TTL_MS: positiveInt.default(15_000),
  /** Where `start --with-simulator` puts the carrier simulator (0 = any free port). */
  KARVON_SIMULATOR_PORT: port.default(2775),
});

export type Env = z.infer<typeof envSchema>;

export type LoadEnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

/** Reads and validates the environment; `errors` holds one line per bad variable, without its value. */
export function loadEnv(source: Record<string, string | undefined> = process.env): LoadEnvResult {
  // An empty variable counts as unset, as shells and .env files produce them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return { ok: true, env: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  };
}
