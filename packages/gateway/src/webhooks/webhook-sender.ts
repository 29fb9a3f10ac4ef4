import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { signWebhook } from '@karvon/sdk/webhooks';
import type { DueWebhook, WebhookRepository } from '../storage/webhook-repository';
import { checkEndpointUrl } from './endpoint-url-policy';

/** After the first attempt fails: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 28 hours in all). */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];

export interface WebhookSenderOptions {
  /** Deliveries in flight at once. Default 64. */
  concurrency?: number;
  /** In flight per endpoint: one slow endpoint holds at most this many slots. Default 8. */
  perEndpoint?: number;
  /** Hard limit of one attempt, connection to last byte. Default 10 s. */
  timeoutMs?: number;
  /** Poll when idle. Default 200 ms. */
  pollMs?: number;
  schedule?: readonly number[];
  /** An endpoint failing for this long is disabled (its events kept for replay). Default 3 days. */
  disableAfterMs?: number;
  /** Local development: http and private addresses allowed (as at registration). */
  allowPrivate?: boolean;
}

type Log = { warn(fields: object, message: string): void; debug(fields: object, message: string): void };

/** One attempt's result; the body read is capped, only its status matters. */
interface AttemptResult {
  statusCode: number | null;
  error: string | null;
}

/**
 * Delivers the outbox: signed per Standard Webhooks with the endpoint's secret (both secrets
 * while one is being rotated out), the same `webhook-id` and body on every attempt, retried on
 * the schedule, one endpoint's slowness confined to its own slots. The address is checked
 * against the SSRF rules at every attempt, and the connection goes to the address checked, so
 * a DNS answer that changed since registration cannot point it inside the network.
 */
export class WebhookSender {
  readonly #outbox: WebhookRepository;
  readonly #now: () => number;
  readonly #log: Log;
  readonly #owner: string;
  readonly #concurrency: number;
  readonly #perEndpoint: number;
  readonly #timeoutMs: number;
  readonly #pollMs: number;
  readonly #schedule: readonly number[];
  readonly #disableAfterMs: number;
  readonly #allowPrivate: boolean;
  readonly #active = new Map<string, number>();
  readonly #work = new Set<Promise<void>>();
  readonly #requests = new Set<{ destroy(error?: Error): void }>();
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #again = false;
  /** The room the last claim asked for. */
  #lastRoom = 0;
  #stopped = true;

  constructor(input: {
    outbox: WebhookRepository;
    now: () => number;
    log: Log;
    owner: string;
    options?: WebhookSenderOptions;
  }) {
    const o = input.options ?? {};
    this.#outbox = input.outbox;
    this.#now = input.now;
    this.#log = input.log;
    this.#owner = input.owner;
    this.#concurrency = o.concurrency ?? 64;
    this.#perEndpoint = o.perEndpoint ?? 8;
    this.#timeoutMs = o.timeoutMs ?? 10_000;
    this.#pollMs = o.pollMs ?? 200;
    this.#schedule = o.schedule ?? DEFAULT_RETRY_SCHEDULE_MS;
    this.#disableAfterMs = o.disableAfterMs ?? 3 * 86_400_000;
    this.#allowPrivate = o.allowPrivate ?? false;
  }

  start(): void {
    this.#stopped = false;
    this.#arm(0);
  }

  /** Claims and sends until nothing more is due now; resolves when those attempts are done (tests). */
  async runOnce(): Promise<void> {
    for (;;) {
      while (this.#running) await new Promise((resolve) => setTimeout(resolve, 5));
      const started = await this.#claimAndSend();
      await Promise.all([...this.#work]);
      if (started === 0) return;
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    // Attempts cut short here are not recorded: their leases lapse and they are sent again.
    for (const req of this.#requests) req.destroy(new Error('gateway stopping'));
    await Promise.all([...this.#work]);
  }

  #arm(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      void this.#claimAndSend().then((claimed) => {
        const again = this.#again;
        this.#again = false;
        // Fewer than asked: nothing else is due, or its endpoints are full; a freed slot re-arms.
        // (Claiming at once anyway scanned every due delivery to find none of a free endpoint.)
        this.#arm((claimed > 0 && claimed >= this.#lastRoom) || again ? 0 : this.#pollMs);
      });
    }, ms);
    this.#timer.unref();
  }

  async #claimAndSend(): Promise<number> {
    if (this.#running) {
      this.#again = true; // asked while a claim runs: claim once more right after it
      return 0;
    }
    this.#running = true;
    try {
      const room = this.#concurrency - this.#work.size;
      this.#lastRoom = room;
      if (room <= 0) return 0;
      const due = await this.#outbox.claim({
        owner: this.#owner,
        now: this.#now(),
        limit: room,
        // Outlives one attempt; a process that died holding it gives it back soon after.
        leaseMs: this.#timeoutMs + 5_000,
        active: this.#active,
        perTarget: this.#perEndpoint,
      });
      let started = 0;
      for (const delivery of due) {
        const key = delivery.target;
        this.#active.set(key, (this.#active.get(key) ?? 0) + 1);
        started++;
        let holdsEndpointSlot = true;
        // The endpoint's slot is free once its answer is in (the delivery stays leased until the
        // attempt is recorded, so nobody sends it again meanwhile): the endpoint gets its next
        // delivery while this one's record waits for its commit.
        const freeEndpointSlot = () => {
          if (!holdsEndpointSlot) return;
          holdsEndpointSlot = false;
          this.#active.set(key, (this.#active.get(key) ?? 1) - 1);
          // A slot is free: claim again now rather than at the next poll.
          this.#arm(0);
        };
        const work = this.#deliver(delivery, freeEndpointSlot).finally(() => {
          const wasFull = this.#work.size >= this.#concurrency;
          this.#work.delete(work);
          if (holdsEndpointSlot) freeEndpointSlot();
          else if (wasFull) this.#arm(0);
        });
        this.#work.add(work);
      }
      return started;
    } catch (error) {
      this.#log.warn({ err: error }, 'webhook claim failed');
      return 0;
    } finally {
      this.#running = false;
    }
  }

  async #deliver(delivery: DueWebhook, answered: () => void): Promise<void> {
    const at = this.#now();
    const started = performance.now();
    const result = await this.#attempt(delivery).catch(
      (error: Error): AttemptResult => ({ statusCode: null, error: error.message }),
    );
    const durationMs = Math.round(performance.now() - started);
    if (this.#stopped && result.statusCode === null) return;
    answered();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const retryIn = this.#schedule[delivery.attempts];
    const outcome = ok ? 'delivered' : retryIn === undefined ? 'failed' : 'retry';
    await this.#outbox.recordAttempt({
      eventId: delivery.eventId,
      target: delivery.target,
      owner: this.#owner,
      at,
      durationMs,
      statusCode: result.statusCode,
      error: result.error,
      outcome,
      ...(outcome === 'retry' ? { nextAttemptAt: this.#now() + (retryIn as number) } : {}),
      disableIfFailingSince: at - this.#disableAfterMs,
    });
    this.#log.debug(
      { eventId: delivery.eventId, endpoint: delivery.endpointId, status: result.statusCode, outcome },
      'webhook attempt',
    );
  }

  async #attempt(delivery: DueWebhook): Promise<AttemptResult> {
    const check = await checkEndpointUrl(delivery.url, {
      allowHttp: this.#allowPrivate,
      allowPrivateAddresses: this.#allowPrivate,
    });
    if (!check.ok) return { statusCode: null, error: `refused: ${check.reason}` };
    const headers = await signWebhook({
      id: delivery.eventId,
      timestamp: new Date(this.#now()),
      body: delivery.payload,
      secret: delivery.secrets,
    });
    const url = new URL(check.url);
    const address = check.addresses[0] as string;
    const family = address.includes(':') ? 6 : 4;
    // Connect to the address that passed the check, whatever DNS says a moment later.
    const lookup: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all)
        (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const options: RequestOptions = {
      method: 'POST',
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      lookup,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Karvon-Webhooks/1',
        'content-length': Buffer.byteLength(delivery.payload),
        ...headers,
      },
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<AttemptResult>((resolve) => {
      const req = send(options, (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) res.destroy(); // the status is all we need
        });
        res.on('end', () => resolve({ statusCode: res.statusCode ?? null, error: null }));
        res.on('error', () => resolve({ statusCode: res.statusCode ?? null, error: null }));
      });
      this.#requests.add(req);
      const timer = setTimeout(() => req.destroy(new Error(`timed out after ${this.#timeoutMs} ms`)), this.#timeoutMs);
      req.on('error', (error) => resolve({ statusCode: null, error: error.message }));
      req.on('close', () => {
        clearTimeout(timer);
        this.#requests.delete(req);
      });
      req.end(delivery.payload);
    });
  }
}
