/**
 * Sender IDs: what kind a `from` value is, whether it is well formed, and
 * whether the destination country's operators require it to be registered
 * before they deliver it.
 *
 * The registration rules are data (SENDER_REGISTRATION_RULES): edit the
 * table, bump `lastReviewed`, run the tests. Operators change these rules
 * without notice and aggregators' public pages disagree, so treat each entry
 * as "what we enforce", reviewed against the sources named beside it.
 */

export type SenderKind = 'alphanumeric' | 'long_code' | 'short_code';

export const SENDER_KINDS = ['alphanumeric', 'long_code', 'short_code'] as const satisfies readonly SenderKind[];

/**
 * How a country treats a kind of sender:
 * - `per_operator`: registered separately with each operator; a message needs
 *   an approved registration for the operator that serves the recipient.
 * - `national`: one registration (regulator or a central registry) covers
 *   every operator of the country.
 */
export type RegistrationScope = 'per_operator' | 'national';

export interface CountrySenderRules {
  /** Kinds of sender that must be registered, and how. Kinds not listed need no registration. */
  readonly requires: Readonly<Partial<Record<SenderKind, RegistrationScope>>>;
  /** Operator ids (lower case), for `per_operator` countries; the ids routing and pricing use. */
  readonly operators?: readonly string[];
  /** Where the rule comes from. */
  readonly source: string;
}

export const SENDER_REGISTRATION_RULES = {
  lastReviewed: '2026-11-25',
  countries: {
    // Uzbekistan: alphanumeric senders are registered with each operator
    // (issue #4; d7networks.com "SMS Regulations in Uzbekistan": pre-registered
    // sender IDs on all networks for local companies, registration required on
    // Ucell and Beeline). Operators as in @karvon/sdk/phone's prefix table
    // (libphonenumber carrier data, MNP launch notice of 2023-10-27).
    UZ: {
      requires: { alphanumeric: 'per_operator' },
      operators: ['ucell', 'beeline', 'mobiuz', 'uzmobile', 'humans', 'perfectum'],
      source:
        'issue #4; d7networks.com/sms/uzbekistan/sms-regulations; @karvon/sdk/phone operators/uzbekistan.ts (read 2026-11-25)',
    },
    // Kazakhstan: alphanumeric sender IDs are registered (Twilio and other
    // aggregators' country guidelines list pre-registration as required).
    KZ: {
      requires: { alphanumeric: 'national' },
      source: 'aggregator country guidelines (Twilio, sent.dm), to be confirmed with the carrier contract',
    },
    // Russia: each alphanumeric name is registered with every operator (MTS,
    // MegaFon, Beeline, Tele2); unregistered names are replaced or blocked.
    RU: {
      requires: { alphanumeric: 'per_operator' },
      operators: ['mts', 'megafon', 'beeline', 'tele2'],
      source: 'aggregator country guidelines (Twilio, sent.dm): per-operator alphanumeric registration',
    },
    // Türkiye: alphanumeric originators are registered (BTK rules), and
    // commercial messages also need the recipient in İYS (consent registry).
    TR: {
      requires: { alphanumeric: 'national' },
      source: 'aggregator country guidelines (Twilio): originator registration required; BTK / İYS',
    },
  },
} as const satisfies {
  lastReviewed: string;
  countries: Readonly<Record<string, CountrySenderRules>>;
};

/** The rules for a country (ISO 3166-1 alpha-2), or `undefined` when it requires no registration. */
export function senderRulesFor(country: string | undefined): CountrySenderRules | undefined {
  if (!country) return undefined;
  const countries: Readonly<Record<string, CountrySenderRules>> = SENDER_REGISTRATION_RULES.countries;
  return Object.hasOwn(countries, country.toUpperCase()) ? countries[country.toUpperCase()] : undefined;
}

/** Maximum length of an alphanumeric sender (GSM 03.40 TP-OA: 11 GSM-7 characters). */
export const MAX_ALPHANUMERIC_SENDER_LENGTH = 11;

export type SenderFormatError = 'empty' | 'too_long' | 'invalid_characters';

export type DetectSenderKindResult =
  | { readonly ok: true; readonly kind: SenderKind; readonly sender: string }
  | { readonly ok: false; readonly reason: SenderFormatError };

// Letters, digits and the few punctuation marks every operator passes through
// unchanged (all in the GSM-7 default alphabet).
const ALPHANUMERIC_CHARS = /^[A-Za-z0-9 ._&-]+$/;

/**
 * What kind of sender a `from` value is:
 * - `short_code`: 3 to 8 digits (`7777`);
 * - `long_code`: an E.164 number (`+998901234567`), or 9 to 15 bare digits;
 * - `alphanumeric`: up to 11 letters, digits, spaces and `- . _ &`, with at
 *   least one letter (a digits-only name would be read as a number),
 *   starting with a letter or digit and not ending with a space.
 */
export function detectSenderKind(sender: string): DetectSenderKindResult {
  if (sender.length === 0 || sender.trim().length === 0) return { ok: false, reason: 'empty' };
  if (/^\+[1-9][0-9]{6,14}$/.test(sender)) return { ok: true, kind: 'long_code', sender };
  if (/^\+/.test(sender)) return { ok: false, reason: 'invalid_characters' };
  if (/^[0-9]+$/.test(sender)) {
    if (sender.length >= 3 && sender.length <= 8) return { ok: true, kind: 'short_code', sender };
    if (sender.length >= 9 && sender.length <= 15 && sender[0] !== '0') {
      return { ok: true, kind: 'long_code', sender: `+${sender}` };
    }
    return { ok: false, reason: sender.length > 15 ? 'too_long' : 'invalid_characters' };
  }
  if (!ALPHANUMERIC_CHARS.test(sender) || !/^[A-Za-z0-9]/.test(sender) || !/[A-Za-z]/.test(sender)) {
    return { ok: false, reason: 'invalid_characters' };
  }
  if (sender !== sender.trimEnd()) return { ok: false, reason: 'invalid_characters' };
  if (sender.length > MAX_ALPHANUMERIC_SENDER_LENGTH) return { ok: false, reason: 'too_long' };
  return { ok: true, kind: 'alphanumeric', sender };
}

/** One sender registration of the account, as the sender registry stores it. */
export interface SenderRegistration {
  readonly sender: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** Operator id; absent when the registration covers every operator of the country. */
  readonly operator?: string | undefined;
  readonly status: 'pending' | 'approved' | 'rejected';
}

export interface CheckSenderInput {
  readonly sender: string;
  /** The kind the registry recorded; when given, the value must be of that kind. */
  readonly kind?: SenderKind | undefined;
  /** Destination country (ISO 3166-1 alpha-2). */
  readonly country: string | undefined;
  /** Destination operator id, when known. */
  readonly operator?: string | undefined;
  /** The account's registrations of this sender (other senders are ignored). */
  readonly registrations: readonly SenderRegistration[];
}

export type CheckSenderResult =
  | { readonly ok: true; readonly kind: SenderKind; readonly registrationRequired: boolean }
  | { readonly ok: false; readonly code: 'invalid_sender'; readonly reason: SenderFormatError | 'kind_mismatch' }
  | {
      readonly ok: false;
      readonly code: 'sender_not_registered';
      readonly country: string;
      readonly operator?: string | undefined;
    };

/**
 * May this account send from `sender` to this destination?
 *
 * - `invalid_sender` when the value is malformed or not of the recorded kind.
 * - In a country that requires registration of this kind: an **approved**
 *   registration for the sender and country is needed; for `per_operator`
 *   countries it must name the recipient's operator (or cover all operators).
 *   When the operator is not known yet, an approval for every listed
 *   operator is needed, since the message may be routed to any of them.
 *   Otherwise `sender_not_registered`.
 * - Elsewhere the sender is accepted as is.
 *
 * Sender names are compared exactly: operators register them case-sensitively.
 */
export function checkSender(input: CheckSenderInput): CheckSenderResult {
  const detected = detectSenderKind(input.sender);
  if (!detected.ok) return { ok: false, code: 'invalid_sender', reason: detected.reason };
  if (input.kind !== undefined && input.kind !== detected.kind) {
    return { ok: false, code: 'invalid_sender', reason: 'kind_mismatch' };
  }
  const rules = senderRulesFor(input.country);
  const scope = rules?.requires[detected.kind];
  if (!rules || !scope || !input.country) return { ok: true, kind: detected.kind, registrationRequired: false };

  const country = input.country.toUpperCase();
  const approved = input.registrations.filter(
    (r) => r.status === 'approved' && r.sender === detected.sender && r.country.toUpperCase() === country,
  );
  const coversAll = approved.some((r) => r.operator === undefined);
  const approvedFor = (operator: string) => coversAll || approved.some((r) => r.operator?.toLowerCase() === operator);

  let ok: boolean;
  if (scope === 'national') ok = approved.length > 0;
  else if (input.operator !== undefined) ok = approvedFor(input.operator.toLowerCase());
  else ok = coversAll || (rules.operators ?? []).every(approvedFor);

  if (ok) return { ok: true, kind: detected.kind, registrationRequired: true };
  return {
    ok: false,
    code: 'sender_not_registered',
    country,
    ...(input.operator !== undefined && scope === 'per_operator' ? { operator: input.operator.toLowerCase() } : {}),
  };
}
