import { formatReceiptDate } from './receipt-date';
import type { ReceiptState } from './receipt-state';

export interface ReceiptTextFields {
  readonly id: string;
  readonly state: ReceiptState;
  /** Three digits, e.g. `000`. */
  readonly error: string;
  readonly submittedAt: number;
  readonly doneAt: number;
  /** The message text; the receipt carries its first 20 characters. */
  readonly text: string;
  readonly timeZone: string;
  readonly seconds?: boolean;
}

/**
 * The de-facto receipt text of SMPP 3.4 Appendix B:
 * `id:… sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DELIVRD err:000 text:…`.
 * `dlvrd` is 001 only for a delivered message.
 */
export function formatReceiptText(fields: ReceiptTextFields): string {
  const seconds = fields.seconds ?? false;
  const submit = formatReceiptDate(fields.submittedAt, fields.timeZone, seconds);
  const done = formatReceiptDate(fields.doneAt, fields.timeZone, seconds);
  const delivered = fields.state === 'DELIVRD' ? '001' : '000';
  return `id:${fields.id} sub:001 dlvrd:${delivered} submit date:${submit} done date:${done} stat:${fields.state} err:${fields.error} text:${fields.text.slice(0, 20)}`;
}
