/**
 * Every error the admin JSON API answers, declared once: its HTTP status and the sentence the
 * merchant reads when the handler has nothing more specific to say. The page shows `message`
 * and highlights `field`; a client branches on `code`.
 */
export const ADMIN_ERROR_CODES = {
  unauthenticated: { status: 401, message: 'The session token is missing, expired or not for this app.' },
  forbidden: { status: 403, message: 'This user may not change the app’s settings.' },
  not_found: { status: 404, message: 'There is no such admin route.' },
  method_not_allowed: { status: 405, message: 'This route does not take that method.' },
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  invalid_query: { status: 400, message: 'The query string is not valid.' },
  body_too_large: { status: 413, message: 'The request body is too large.' },
  validation_failed: { status: 422, message: 'Some fields are not valid.' },
  unknown_variables: { status: 422, message: 'The template uses variables that do not exist.' },
  invalid_api_key: { status: 422, message: 'The gateway refused this API key.' },
  missing_scope: { status: 422, message: 'The API key lacks a permission the app needs.' },
  webhook_url_not_allowed: { status: 422, message: 'The gateway does not allow webhooks to this app’s URL.' },
  send_rejected: { status: 422, message: 'The gateway did not accept the test message.' },
  not_connected: { status: 409, message: 'Connect a Karvon account first.' },
  gateway_unreachable: { status: 502, message: 'The Karvon gateway could not be reached.' },
  gateway_error: { status: 502, message: 'The Karvon gateway answered with an error.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type AdminErrorCode = keyof typeof ADMIN_ERROR_CODES;

/** Details beside code and message: the field to highlight, unknown variable names, … */
export interface AdminErrorDetails {
  field?: string;
  [key: string]: unknown;
}

export interface AdminErrorBody extends AdminErrorDetails {
  code: AdminErrorCode;
  message: string;
}

/**
 * Thrown by route handlers and turned into a JSON answer by `createAdminApi`. Its message must be
 * safe to show: never an API key, a secret or a full phone number.
 */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  readonly code: AdminErrorCode;
  readonly status: number;
  readonly details: AdminErrorDetails;

  constructor(code: AdminErrorCode, message?: string, details: AdminErrorDetails = {}) {
    super(message ?? ADMIN_ERROR_CODES[code].message);
    this.code = code;
    this.status = ADMIN_ERROR_CODES[code].status;
    this.details = details;
  }

  toJSON(): AdminErrorBody {
    return { ...this.details, code: this.code, message: this.message };
  }
}
