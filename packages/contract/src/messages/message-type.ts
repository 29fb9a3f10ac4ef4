import type { Open } from '../common/open';

/**
 * `transactional` (codes, receipts, alerts) or `marketing` (promotions:
 * needs consent, honours opt-outs and quiet hours).
 */
export const MESSAGE_TYPES = ['transactional', 'marketing'] as const;
export type KnownMessageType = (typeof MESSAGE_TYPES)[number];
export type MessageType = Open<KnownMessageType>;

/** GSM-7 (160 characters a segment, 153 when split) or UCS-2 (70, 67). */
export const MESSAGE_ENCODINGS = ['GSM-7', 'UCS-2'] as const;
export type KnownMessageEncoding = (typeof MESSAGE_ENCODINGS)[number];
export type MessageEncoding = Open<KnownMessageEncoding>;
