import type { AppLogger } from '../app-logger';
import type { InboxEvent, ShopifyStore } from '../storage/shopify-store';
import { parseWebhookJson } from './parse-webhook-json';

/** Handles one stored event; throwing means "try again later", returning means done. */
export type InboxHandler = (event: InboxEvent, payload: unknown) => Promise<void>;

export interface InboxWorkerOptions {
  store: Pick<ShopifyStore, 'inbox'>;
  /** The handler of a topic; an event without one is retried (a deploy may bring it) and logged. */
  resolveHandler(topic: string): InboxHandler | undefined;
  logger: AppLogger;
  pollMs?: number;
  /** Longer than any handler takes: a crashed process's claims come back after it. */
  leaseMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** Delay before attempt n+1, in ms. */
  backoffMs?: (attempts: number) => number;
  now?: () => number;
}

export interface InboxWorker {
  start(): void;
  /** Processes what is due now, once; resolves with how many events were handled. */
  runOnce(): Promise<number>;
  /** Wakes the loop at once (a new event arrived). */
  wake(): void;
  stop(): Promise<void>;
}

const defaultBackoff = (attempts: number) => Math.min(5_000 * 4 ** (attempts - 1), 3_600_000);

/**
 * The durable queue behind the webhook endpoint: claims due inbox events with a lease, runs the
 * topic's handler, completes or reschedules. Several processes may run one each; the store's
 * claim gives every event to one of them at a time, and handlers are idempotent (notification
 * rows, consent writes that skip matching states) for the rare lease that expires mid-run.
 */
export function createInboxWorker(options: InboxWorkerOptions): InboxWorker {
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 12;
  const backoff = options.backoffMs ?? defaultBackoff;
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let wakeAgain = false;

  async function handle(event: InboxEvent): Promise<void> {
    if (event.attempts >= maxAttempts) {
      // Taken back after its process stopped, as many times as we try anything: do not run it again.
      const reason = `gave up after ${event.attempts} attempts; last: ${event.lastError ?? 'unknown'}`;
      await options.store.inbox.retryLater(event.id, reason, now(), maxAttempts);
      options.logger.error('webhook event given up', {
        shop: event.shop,
        topic: event.topic,
        attempts: event.attempts,
      });
      return;
    }
    const handler = options.resolveHandler(event.topic);
    try {
      if (!handler) throw new Error(`no handler for topic ${event.topic}`);
      await handler(event, parseWebhookJson(event.payload));
      await options.store.inbox.complete(event.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const attempts = event.attempts + 1;
      const status = await options.store.inbox.retryLater(event.id, reason, now() + backoff(attempts), maxAttempts);
      const log = status === 'failed' ? options.logger.error : options.logger.warn;
      log('webhook event processing failed', { shop: event.shop, topic: event.topic, attempts, status, reason });
    }
  }

  async function runOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await options.store.inbox.claim(batchSize, leaseMs);
      // Events of one shop and order stay in arrival order: one at a time, oldest first.
      for (const event of batch) await handle(event);
      handled += batch.length;
      if (batch.length < batchSize) return handled;
    }
  }

  function schedule(delay: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(loop, delay);
  }

  function loop(): void {
    if (running) {
      wakeAgain = true;
      return;
    }
    running = runOnce()
      .catch((error) => {
        options.logger.error('inbox worker pass failed', {
          reason: error instanceof Error ? error.message : String(error),
        });
        return 0;
      })
      .finally(() => {
        running = undefined;
        const again = wakeAgain;
        wakeAgain = false;
        schedule(again ? 0 : pollMs);
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    runOnce: () => runOnce(),
    wake() {
      if (!stopped) schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
