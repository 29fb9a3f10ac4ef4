import { KarvonError, type KarvonErrorJSON } from './karvon-error';

/** One mismatch between a response and the contract's schema: where, and what was expected (no values). */
export interface ResponseIssue {
  path: string;
  message: string;
}

/** With `validateResponses` set, a 2xx body did not match the contract's schema. */
export class ResponseValidationError extends KarvonError {
  static override readonly errorName: string = 'ResponseValidationError';

  readonly issues: readonly ResponseIssue[];
  readonly requestId: string | undefined;

  constructor(issues: readonly ResponseIssue[], requestId: string | undefined) {
    const first = issues[0];
    super(`The response did not match the contract${first ? ` at ${first.path || '/'}: ${first.message}` : ''}`);
    this.issues = issues;
    this.requestId = requestId;
  }

  override toJSON(): KarvonErrorJSON {
    return { ...super.toJSON(), issues: this.issues, requestId: this.requestId };
  }
}
