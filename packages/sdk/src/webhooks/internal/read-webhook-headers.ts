import type { WebhookHeadersInput } from '../webhook-headers';
import { WebhookVerificationError } from '../webhook-verification-error';

export interface ReadHeaders {
  id: string;
  timestamp: string;
  signature: string;
}

type HeaderRecord = Exclude<WebhookHeadersInput, Headers>;

function isHeaders(input: WebhookHeadersInput): input is Headers {
  // Structural, not instanceof: Headers from undici, a polyfill or another
  // realm (edge-runtime's VM) are not instances of this realm's class.
  return typeof (input as Headers).get === 'function' && typeof (input as Headers).forEach === 'function';
}

function lookup(record: HeaderRecord, name: string): string | readonly string[] | undefined {
  // Node lower-cases header names; try that first, then a case-insensitive scan.
  const direct = record[name];
  if (direct !== undefined && direct !== null) return typeof direct === 'number' ? String(direct) : direct;
  for (const key of Object.keys(record)) {
    if (key.length === name.length && key.toLowerCase() === name) {
      const value = record[key];
      if (value === undefined || value === null) return undefined;
      return typeof value === 'number' ? String(value) : value;
    }
  }
  return undefined;
}

function single(value: string | readonly string[] | undefined): string | undefined {
  // A repeated id or timestamp header: the first one is used. That is safe
  // because the signature covers the id and timestamp it was made for.
  const text = typeof value === 'string' ? value : value?.[0];
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function joined(value: string | readonly string[] | undefined): string | undefined {
  // Repeated signature headers are all candidates: join them into one list.
  const text = typeof value === 'string' ? value : value?.join(' ');
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

export function readWebhookHeaders(input: WebhookHeadersInput): ReadHeaders {
  let id: string | undefined;
  let timestamp: string | undefined;
  let signature: string | undefined;
  if (isHeaders(input)) {
    id = single(input.get('webhook-id') ?? undefined);
    timestamp = single(input.get('webhook-timestamp') ?? undefined);
    signature = joined(input.get('webhook-signature') ?? undefined);
  } else {
    id = single(lookup(input, 'webhook-id'));
    timestamp = single(lookup(input, 'webhook-timestamp'));
    signature = joined(lookup(input, 'webhook-signature'));
  }
  if (id === undefined || timestamp === undefined || signature === undefined) {
    const missing = [
      id === undefined ? 'webhook-id' : undefined,
      timestamp === undefined ? 'webhook-timestamp' : undefined,
      signature === undefined ? 'webhook-signature' : undefined,
    ].filter((name) => name !== undefined);
    throw new WebhookVerificationError('missing_headers', `Missing webhook header(s): ${missing.join(', ')}.`);
  }
  return { id, timestamp, signature };
}
