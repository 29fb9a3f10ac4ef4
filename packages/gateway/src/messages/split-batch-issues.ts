import { type SendRejected, toJsonPointer, zodIssuesToFieldErrors } from '@karvon/contract';
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

/**
 * A batch whose only schema errors are inside some of its items is not a bad
 * request: those items are rejected one by one (with their first field
 * error) and the others still go. Returns undefined when an error concerns
 * the batch itself (its defaults, its size, an unknown top-level field).
 */
export function splitBatchIssues(
  body: unknown,
  issues: readonly Issue[],
): { remaining: Record<string, unknown>; rejected: Map<number, SendRejected> } | undefined {
  if (body === null || typeof body !== 'object' || !Array.isArray((body as { messages?: unknown }).messages))
    return undefined;
  const messages = (body as { messages: unknown[] }).messages;
  const byIndex = new Map<number, Issue[]>();
  for (const issue of issues) {
    const [head, index] = issue.path;
    if (head !== 'messages' || typeof index !== 'number' || issue.path.length < 3) return undefined;
    byIndex.set(index, [...(byIndex.get(index) ?? []), issue]);
  }
  if (byIndex.size === 0 || byIndex.size === messages.length) return undefined;
  const rejected = new Map<number, SendRejected>();
  for (const [index, itemIssues] of byIndex) {
    const item = messages[index] as Record<string, unknown> | undefined;
    const [first] = zodIssuesToFieldErrors(itemIssues, { input: body });
    const result: SendRejected = {
      index,
      status: 'rejected',
      error: {
        code: first?.code ?? 'validation_failed',
        detail: first?.detail ?? 'Invalid message',
        pointer: first?.pointer ?? toJsonPointer(['messages', index]),
      },
    };
    if (typeof item?.to === 'string') result.to = item.to;
    if (typeof item?.clientReference === 'string') result.clientReference = item.clientReference;
    rejected.set(index, result);
  }
  return {
    remaining: { ...(body as Record<string, unknown>), messages: messages.filter((_, i) => !byIndex.has(i)) },
    rejected,
  };
}
