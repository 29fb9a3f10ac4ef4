/**
 * The one registry of error codes. The gateway throws only through it, the
 * SDK maps `code` to its error classes, and docs/reference/errors.md is
 * generated from it (src/internal/error-reference.ts). Codes are stable:
 * add new ones, never rename or reuse one.
 *
 * `retryable` marks codes a client may retry with the same idempotency key.
 */
export interface ErrorCodeDefinition {
  /** The HTTP status the gateway answers with. */
  readonly status: number;
  /** Short, human-readable summary; the problem+json `title`. */
  readonly title: string;
  /** True when retrying the same request later may succeed. */
  readonly retryable?: boolean;
  /** What happened and what to do about it; rendered in the error reference. */
  readonly description: string;
}

export const ERROR_CODES = {
  // 400: the request as a whole cannot be read.
  invalid_request: {
    status: 400,
    title: 'Invalid request',
    description: 'The request could not be understood, for example a missing path parameter or an invalid query.',
  },
  malformed_json: {
    status: 400,
    title: 'Malformed JSON',
    description: 'The request body is not valid JSON. Check the encoding (UTF-8) and the syntax.',
  },
  unsupported_api_version: {
    status: 400,
    title: 'Unsupported API version',
    description:
      'The Karvon-Version header names a version this gateway does not serve. Use one of the dates listed in the API reference.',
  },
  unsupported_grant_type: {
    status: 400,
    title: 'Unsupported grant type',
    description:
      'OAuth 2.0 (RFC 6749 section 5.2): the token endpoint only issues tokens for `grant_type=client_credentials`.',
  },
  invalid_grant: {
    status: 400,
    title: 'Invalid grant',
    description: 'OAuth 2.0 (RFC 6749 section 5.2): the grant is invalid, expired or revoked.',
  },
  invalid_scope: {
    status: 400,
    title: 'Invalid scope',
    description:
      'OAuth 2.0 (RFC 6749 section 5.2): the requested `scope` is unknown or exceeds the scopes of the API key used as client secret.',
  },

  // 401, 403: who is calling.
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    description: 'No API key was sent. Send it as `Authorization: Bearer <key>`.',
  },
  invalid_api_key: {
    status: 401,
    title: 'Invalid API key',
    description: 'The API key is unknown, revoked or expired.',
  },
  invalid_client: {
    status: 401,
    title: 'Invalid client',
    description:
      'OAuth 2.0 (RFC 6749 section 5.2): client authentication failed. `client_id` is the API key id (`key_…`) and `client_secret` the key itself.',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    description: 'The API key is valid but may not perform this action on this resource.',
  },
  insufficient_scope: {
    status: 403,
    title: 'Insufficient scope',
    description: 'The API key lacks the scope this endpoint requires (for example `messages:write`).',
  },
  ip_not_allowed: {
    status: 403,
    title: 'IP address not allowed',
    description: "The request came from an IP address outside the API key's allow-list.",
  },

  // 402: money.
  insufficient_balance: {
    status: 402,
    title: 'Insufficient balance',
    description: 'The account balance does not cover the price of the messages. Top up and send again.',
  },

  // 404, 405, 408, 409, 413, 415: the resource and the transport.
  not_found: {
    status: 404,
    title: 'Not found',
    description: 'No resource with this id exists for this account.',
  },
  method_not_allowed: {
    status: 405,
    title: 'Method not allowed',
    description: 'This path does not accept this HTTP method. The `Allow` header lists the ones it does.',
  },
  request_timeout: {
    status: 408,
    title: 'Request timeout',
    retryable: true,
    description: 'The gateway gave up waiting for the request body. Retry with the same idempotency key.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    description: 'The request conflicts with the current state of the resource.',
  },
  idempotency_key_in_use: {
    status: 409,
    title: 'Idempotency key in use',
    retryable: true,
    description:
      'Another request with the same idempotency key is still being processed. Retry later with the same key to get its result.',
  },
  cannot_cancel: {
    status: 409,
    title: 'Cannot cancel',
    description:
      'Only a message that is still `scheduled` or `queued` can be canceled; this one was already handed to a carrier or is final.',
  },
  template_in_use: {
    status: 409,
    title: 'Template in use',
    description:
      'The template is used by scheduled or queued messages. Cancel them, or wait until they are sent, then delete it.',
  },
  sender_exists: {
    status: 409,
    title: 'Sender exists',
    description: 'This sender is already registered for this account, country and operator.',
  },
  payload_too_large: {
    status: 413,
    title: 'Payload too large',
    description: 'The request body exceeds the size limit.',
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    description: 'Send the body as `application/json`.',
  },

  // 422: the request was read but its content is not acceptable.
  validation_failed: {
    status: 422,
    title: 'Validation failed',
    description: 'One or more fields are invalid. `errors[]` lists each one with a JSON Pointer to the field.',
  },
  idempotency_key_reused: {
    status: 422,
    title: 'Idempotency key reused',
    description:
      'This idempotency key was already used with a different request body. Use a new key for a new request.',
  },
  missing_field: {
    status: 422,
    title: 'Missing field',
    description: 'A required field is missing. Field-level code inside `errors[]`.',
  },
  unknown_field: {
    status: 422,
    title: 'Unknown field',
    description:
      'The request contains a field this API version does not define (often a typo). Field-level code inside `errors[]`.',
  },
  invalid_field: {
    status: 422,
    title: 'Invalid field',
    description:
      'A field has the wrong type, format, length or value. `detail` says which rule failed. Field-level code inside `errors[]`.',
  },
  conflicting_fields: {
    status: 422,
    title: 'Conflicting fields',
    description: 'Two fields that exclude each other were both given, such as `body` and `template`.',
  },
  empty_body: {
    status: 422,
    title: 'Empty message body',
    description: 'The message has neither a `body` nor a `template`, or the body is blank.',
  },
  batch_too_large: {
    status: 422,
    title: 'Batch too large',
    description: 'A batch may contain at most 1000 messages. Split it into several requests.',
  },
  invalid_phone_number: {
    status: 422,
    title: 'Invalid phone number',
    description: 'The recipient is not a valid phone number. Send it in E.164 form, such as `+998901234567`.',
  },
  not_a_mobile_number: {
    status: 422,
    title: 'Not a mobile number',
    description: 'The recipient is a valid number but not one that can receive SMS (a landline, for example).',
  },
  invalid_sender: {
    status: 422,
    title: 'Invalid sender',
    description:
      'The `from` value is neither an alphanumeric sender ID of up to 11 characters nor a phone number or short code.',
  },
  sender_not_registered: {
    status: 422,
    title: 'Sender not registered',
    description: 'The sender ID is not registered for this account or for the destination country.',
  },
  destination_not_supported: {
    status: 422,
    title: 'Destination not supported',
    description:
      'The gateway has no price, and so no route, for the recipient’s country, operator or message type. Ask the operator to add one to the price table.',
  },
  template_not_found: {
    status: 422,
    title: 'Template not found',
    description: 'The message names a template that does not exist for this account.',
  },
  missing_template_variables: {
    status: 422,
    title: 'Missing template variables',
    description: 'The template uses variables the request did not provide. `detail` names them.',
  },
  opted_out: {
    status: 422,
    title: 'Recipient opted out',
    description: 'The recipient has opted out of messages from this account. Marketing messages to them are refused.',
  },
  consent_required: {
    status: 422,
    title: 'Consent required',
    description: 'Marketing messages need recorded consent from the recipient, and there is none.',
  },
  webhook_url_not_allowed: {
    status: 422,
    title: 'Webhook URL not allowed',
    description:
      'Webhook URLs must use HTTPS and must not resolve to a private, loopback or link-local address (unless the operator allows it). `errors[]` says which rule failed.',
  },
  invalid_ip_allowlist: {
    status: 422,
    title: 'Invalid IP allow-list',
    description:
      'An entry of `ipAllowlist` is not an IPv4 or IPv6 address or CIDR range (such as `203.0.113.0/24` or `2001:db8::/32`).',
  },

  // 429, 5xx: try again later.
  rate_limited: {
    status: 429,
    title: 'Rate limited',
    retryable: true,
    description: 'Too many requests. Wait as long as the `Retry-After` header says, then retry.',
  },
  internal_error: {
    status: 500,
    title: 'Internal error',
    retryable: true,
    description: 'Something went wrong in the gateway. Retry with the same idempotency key; report it if it persists.',
  },
  service_unavailable: {
    status: 503,
    title: 'Service unavailable',
    retryable: true,
    description: 'The gateway is overloaded or in maintenance. Retry after the `Retry-After` delay.',
  },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;
/** Alias of ErrorCode, for symmetry with the other `Known*` names. */
export type KnownErrorCode = ErrorCode;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The registry entry for a code, widened so optional fields can be read. */
export function errorCodeDefinition(code: ErrorCode): ErrorCodeDefinition {
  return ERROR_CODES[code];
}
