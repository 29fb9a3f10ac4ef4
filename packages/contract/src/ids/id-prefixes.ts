/**
 * Every id on the wire starts with a prefix naming what it points at, so a
 * template id pasted where a message id belongs is caught at a glance (and,
 * through the branded types below, by the compiler).
 */
export const ID_PREFIXES = {
  message: 'msg',
  messagePart: 'prt',
  template: 'tpl',
  apiKey: 'key',
  account: 'acct',
  event: 'evt',
  webhookEndpoint: 'whe',
  sender: 'snd',
  ledgerEntry: 'led',
  request: 'req',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdKind];

// The brand is a phantom property: it exists only for the type checker, so a
// MessageId is still a plain string at runtime and in JSON.
export type MessageId = string & { readonly __brand: 'msg' };
export type MessagePartId = string & { readonly __brand: 'prt' };
export type TemplateId = string & { readonly __brand: 'tpl' };
export type ApiKeyId = string & { readonly __brand: 'key' };
export type AccountId = string & { readonly __brand: 'acct' };
export type EventId = string & { readonly __brand: 'evt' };
export type WebhookEndpointId = string & { readonly __brand: 'whe' };
export type SenderId = string & { readonly __brand: 'snd' };
export type LedgerEntryId = string & { readonly __brand: 'led' };
export type RequestId = string & { readonly __brand: 'req' };

/** The branded id type for a kind (`'message'`) or a prefix (`'msg'`). */
export type IdOf<K extends IdKind | IdPrefix> = string & {
  readonly __brand: K extends IdKind ? (typeof ID_PREFIXES)[K] : K;
};

export function prefixOf(kindOrPrefix: IdKind | IdPrefix): IdPrefix {
  return kindOrPrefix in ID_PREFIXES ? ID_PREFIXES[kindOrPrefix as IdKind] : (kindOrPrefix as IdPrefix);
}
