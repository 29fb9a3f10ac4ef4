import { OPT_OUT_SCOPES as CONTRACT_OPT_OUT_SCOPES, type KnownOptOutScope } from '@karvon/contract';

/**
 * Who may receive what, checked when a message is accepted and again when it
 * is dispatched (an opt-out may arrive in between).
 *
 * The rule (also in docs/guides/compliance.md):
 * - **Marketing** needs a consent record for the number (source, time,
 *   proof) that is not withdrawn, and no opt-out of any scope (`account` or `all`). An opt-out
 *   wins over a consent: a recipient who texts STOP after opting in is not
 *   messaged; opting in again (START) removes the opt-out.
 * - **Transactional** (codes, receipts, alerts the recipient caused) needs no
 *   consent and ignores an `account` opt-out (`STOP` stops promotions, not the
 *   login code the user just asked for). It is refused only for a global
 *   opt-out (scope `all`, the `STOPALL` keyword or an explicit "never message
 *   me" request), because continuing to text someone who asked for no
 *   messages at all is both unlawful in many countries and a complaint magnet.
 */

/**
 * The contract's scopes (`OPT_OUT_SCOPES` of @karvon/contract). `account`: the
 * recipient told this account STOP, so its promotions stop. `all`: the
 * recipient wants nothing at all (STOPALL, or refused every sender on this
 * gateway), which stops transactional messages too.
 */
export type OptOutScope = KnownOptOutScope;
export const OPT_OUT_SCOPES = CONTRACT_OPT_OUT_SCOPES;

/**
 * The scope of a stored opt-out, read leniently: rows written before the
 * names were unified say `marketing` (now `account`); anything unknown is
 * read as `all`, the safe side.
 */
export function toOptOutScope(stored: string): OptOutScope {
  if (stored === 'account' || stored === 'marketing') return 'account';
  return 'all';
}

export interface OptOutRecord {
  readonly scope: OptOutScope;
}

export interface ConsentRecord {
  /** Where it was collected: `checkout`, `web_form`, `keyword`, a platform name… */
  readonly source: string;
  /** When it was given (RFC 3339 or epoch ms, as stored). */
  readonly grantedAt: string | number;
  /** Evidence: the form URL and IP, the keyword message id, a signed document reference. */
  readonly proof?: string | undefined;
  /** When the consent was withdrawn, if it was. */
  readonly revokedAt?: string | number | null | undefined;
}

export interface CheckConsentInput {
  readonly type: 'transactional' | 'marketing';
  /** The recipient's opt-outs for this account (usually zero or one). */
  readonly optOuts: readonly OptOutRecord[];
  /** The recipient's consent for this account, if recorded. */
  readonly consent?: ConsentRecord | undefined;
}

export type CheckConsentResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'opted_out'; readonly scope: OptOutScope }
  | { readonly ok: false; readonly code: 'consent_required' };

/** Applies the rule above. `code` is the contract's error code for the rejected item. */
export function checkConsent(input: CheckConsentInput): CheckConsentResult {
  const global = input.optOuts.find((o) => o.scope === 'all');
  if (global) return { ok: false, code: 'opted_out', scope: 'all' };
  if (input.type !== 'marketing') return { ok: true };
  const any = input.optOuts[0];
  if (any) return { ok: false, code: 'opted_out', scope: any.scope };
  const consent = input.consent;
  if (!consent || (consent.revokedAt !== undefined && consent.revokedAt !== null)) {
    return { ok: false, code: 'consent_required' };
  }
  return { ok: true };
}
