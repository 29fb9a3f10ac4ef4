import * as z from 'zod/mini';
import type { Open } from '../common/open';
import { pageSchema } from '../common/page';
import { rfc3339Schema } from '../common/rfc3339';
import type { ApiKeyId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';

/** Every scope an API key can hold. `admin` implies all the others. */
export const API_KEY_SCOPES = [
  'messages:send',
  'messages:read',
  'messages:cancel',
  'templates:read',
  'templates:write',
  'balance:read',
  'senders:write',
  'webhooks:write',
  'opt_outs:read',
  'opt_outs:write',
  'keys:write',
  'admin',
] as const;
export type KnownApiKeyScope = (typeof API_KEY_SCOPES)[number];
export type ApiKeyScope = Open<KnownApiKeyScope>;

/**
 * Named sets of scopes: `admin` (everything), `developer` (all but `keys:write` and `admin`),
 * `read_only` (the `:read` scopes), `adapter` (the restricted preset for platform adapters).
 * The gateway owns which scopes each role grants.
 */
export const API_KEY_ROLES = ['admin', 'developer', 'read_only', 'adapter'] as const;
export type KnownApiKeyRole = (typeof API_KEY_ROLES)[number];
export type ApiKeyRole = Open<KnownApiKeyRole>;

/** `live` keys (`kv_live_…`) reach carriers; `test` keys (`kv_test_…`) never do (sandbox). */
export const API_KEY_MODES = ['live', 'test'] as const;
export type KnownApiKeyMode = (typeof API_KEY_MODES)[number];
export type ApiKeyMode = Open<KnownApiKeyMode>;

/** At most this many entries in a key's `ipAllowlist`. */
export const MAX_IP_ALLOWLIST_ENTRIES = 100;

/** An API key as lists show it: never the secret, only its first and last characters. */
export interface ApiKey {
  /** Also the OAuth `client_id` of this key. */
  id: ApiKeyId;
  name: string;
  mode: ApiKeyMode;
  /** The effective scopes (a role's scopes when the key was created with a role). */
  scopes: ApiKeyScope[];
  role?: ApiKeyRole;
  /** IPv4/IPv6 addresses and CIDR ranges allowed to use the key; empty means any. */
  ipAllowlist: string[];
  /** The key with its middle hidden, such as `kv_live_…WXYZ`. */
  redactedKey: string;
  /** RFC 3339 */
  createdAt: string;
  /** RFC 3339; null until the key is first used. */
  lastUsedAt: string | null;
  /** RFC 3339; absent for a key that does not expire. */
  expiresAt?: string;
}

/** The answer to `POST /keys`: the key with its secret, which is shown this once and never again. */
export interface CreatedApiKey extends ApiKey {
  /** `kv_live_…` / `kv_test_…`. Store it now: the gateway keeps only a hash. */
  secret: string;
}

/**
 * The body of `POST /keys`. Give `scopes` or `role`, not both; with neither the key gets the
 * `developer` role.
 */
export interface CreateApiKeyRequest {
  name: string;
  mode: KnownApiKeyMode;
  scopes?: KnownApiKeyScope[];
  role?: KnownApiKeyRole;
  ipAllowlist?: string[];
  /** RFC 3339 with offset, in the future. */
  expiresAt?: string;
}

/** The role a key created without `scopes` or `role` gets. */
export const DEFAULT_API_KEY_ROLE = 'developer' satisfies KnownApiKeyRole;

// zod's own address formats, combined in a refinement rather than a union so a bad entry reports
// the registry's `invalid_ip_allowlist` code instead of the closest branch's format error.
const ipFormats = pure(() => [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

function isIpOrCidr(value: string): boolean {
  return ipFormats.some((format) => format.safeParse(value).success);
}

const ipAllowlistEntrySchema = pure(() =>
  z.string().check(
    z.maxLength(50),
    z.refine(isIpOrCidr, {
      message: 'Expected an IPv4 or IPv6 address or CIDR range, such as 203.0.113.0/24',
      params: { code: 'invalid_ip_allowlist' },
    }),
  ),
);

/** Strict (request). */
export const createApiKeyRequestSchema = pure(() =>
  z
    .strictObject({
      name: z.string().check(z.minLength(1), z.maxLength(100)),
      mode: z.enum(API_KEY_MODES),
      scopes: z.exactOptional(z.array(z.enum(API_KEY_SCOPES)).check(z.minLength(1))),
      role: z.exactOptional(z.enum(API_KEY_ROLES)),
      ipAllowlist: z.exactOptional(z.array(ipAllowlistEntrySchema).check(z.maxLength(MAX_IP_ALLOWLIST_ENTRIES))),
      expiresAt: z.exactOptional(rfc3339Schema),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.scopes !== undefined && value.role !== undefined) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: ['role'],
            message: 'Give either scopes or role, not both',
            params: { code: 'conflicting_fields' },
          });
        }
      }),
    ),
);

/** Loose (response). */
export const apiKeySchema = pure(() =>
  z.looseObject({
    id: idSchema('apiKey'),
    name: z.string(),
    mode: z.string(),
    scopes: z.array(z.string()),
    role: z.exactOptional(z.string()),
    ipAllowlist: z.array(z.string()),
    redactedKey: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.nullable(z.string()),
    expiresAt: z.exactOptional(z.string()),
  }),
);

/** Loose (response) of `POST /keys`. */
export const createdApiKeySchema = pure(() => z.looseObject({ ...apiKeySchema.shape, secret: z.string() }));

/** Loose (response) of `GET /keys`. */
export const apiKeyPageSchema = pure(() => pageSchema(apiKeySchema));
