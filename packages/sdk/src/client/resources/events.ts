import type { StreamedEvent, WebhookEvent } from '@karvon/contract';
import { APIError } from '../../errors/api-error';
import { KarvonError } from '../../errors/karvon-error';
import { fillPath, ROUTES } from '../routes';
import { APIResource } from './api-resource';
import { parseServerSentEvents } from './server-sent-events';

export interface EventStreamParams {
  /** Only these event types (`message.delivered`, `opt_out.changed`, …); default: every type. */
  types?: readonly string[];
  /** Continue after this event (`evt_…`): the `id` of the last event you handled. */
  lastEventId?: string;
  /** Ends the iteration (without an error). Without one, break out of the loop to stop. */
  signal?: AbortSignal;
}

/** A reconnect is worth trying after these; any other 4xx (bad key, unknown lastEventId) is final. */
function isFinal(error: unknown): boolean {
  if (!APIError.isInstance(error)) return !KarvonError.isInstance(error);
  return error.status < 500 && error.status !== 408 && error.status !== 429;
}

/** `client.events`: the account's events as they happen (`GET /events`, Server-Sent Events). */
export class Events extends APIResource {
  /**
   * Every event of the account, oldest first, then new ones as they happen. A dropped connection is
   * opened again with `Last-Event-ID` (after a full-jitter backoff), so nothing is missed or
   * repeated; the iteration ends when `signal` aborts or the loop breaks.
   *
   * ```ts
   * for await (const event of karvon.events.stream({ types: ['message.delivered'], signal })) {
   *   console.log(event.id, event.data.type);
   * }
   * ```
   */
  stream(params: EventStreamParams = {}): AsyncIterable<StreamedEvent> {
    return { [Symbol.asyncIterator]: () => this.#run(params) };
  }

  async *#run(params: EventStreamParams): AsyncGenerator<StreamedEvent> {
    const { signal } = params;
    const route = ROUTES['events.stream'];
    const types = params.types && params.types.length > 0 ? params.types.join(',') : undefined;
    let lastEventId = params.lastEventId;
    let failures = 0;
    while (!signal?.aborted) {
      // One controller per connection: leaving the loop (break, return, abort) cancels the body.
      const connection = new AbortController();
      const forward = () => connection.abort(signal?.reason);
      signal?.addEventListener('abort', forward, { once: true });
      let waitAtLeastMs = 0;
      try {
        const response = await this.transport.openStream(
          { method: 'GET', path: fillPath(route.path), query: { types } },
          {
            accept: 'text/event-stream',
            signal: connection.signal,
            ...(lastEventId !== undefined ? { headers: { 'Last-Event-ID': lastEventId } } : {}),
          },
        );
        if (!response.body) throw new KarvonError('The event stream has no body');
        for await (const message of parseServerSentEvents(response.body)) {
          if (message.id === undefined) continue;
          let data: WebhookEvent;
          try {
            data = JSON.parse(message.data) as WebhookEvent;
          } catch {
            throw new KarvonError(`Event ${message.id} of the stream is not JSON`);
          }
          lastEventId = message.id;
          failures = 0;
          yield { id: message.id as StreamedEvent['id'], type: message.event, data };
        }
      } catch (error) {
        if (signal?.aborted) return;
        if (isFinal(error)) throw error;
        if (APIError.isInstance(error)) waitAtLeastMs = error.retryAfterMs ?? 0;
      } finally {
        signal?.removeEventListener('abort', forward);
        connection.abort();
      }
      if (signal?.aborted) return;
      try {
        await this.transport.pauseBeforeReconnect(failures++, signal, waitAtLeastMs);
      } catch (error) {
        if (signal?.aborted) return;
        throw error;
      }
    }
  }
}
