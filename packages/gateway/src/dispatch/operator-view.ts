import type { QueueDepthRow, ReceiptCounts } from '../storage/dispatch-repository';
import type { Repository } from '../storage/repository';
import type { Delivery } from './start-delivery';

export interface CarrierView {
  carrier: string;
  paused: boolean;
  connected: boolean;
  /** Bind slots this process holds of the account's. */
  slots: { held: number; total: number };
  binds: { id: string; mode: string; state: string; window: { used: number; size: number }; rate: number }[];
  tps: { actual: number; cap: number };
  circuit: { state: string; consecutiveFailures: number; openedAt: string | null };
  /** This process since start. */
  submits: Record<string, number>;
  meanSubmitMs: number | null;
  /** All processes, over the window asked for. */
  receipts: { byOutcome: Record<string, number>; meanLatencyMs: number | null; unmatched: number };
  /** Final receipts matched per accepted submit of this process (null before any submit). */
  receiptRatio: number | null;
}

export interface QueueView {
  lanes: { priority: number; status: string; count: number; oldestAgeMs: number }[];
  accounts: { accountId: string; priority: number; status: string; count: number; oldestAgeMs: number }[];
  routes: { carrier: string | null; count: number; oldestAgeMs: number }[];
}

/** What an operator sees per carrier: this process's binds and counters, and receipts from the database. */
export async function carrierView(input: {
  delivery: Delivery;
  repository: Repository;
  now: number;
  windowMs: number;
}): Promise<CarrierView[]> {
  const { delivery, repository, now } = input;
  const receipts = await repository.receipts.counts(now - input.windowMs);
  const counters = delivery.dispatcher.counters.snapshot();
  const circuits = delivery.breakers.snapshot();
  return delivery.pool.states().map((pooled) => {
    const mine = receipts.filter((r) => r.carrier === pooled.carrier);
    const submits = counters.submits[pooled.carrier];
    const circuit = circuits[pooled.carrier];
    const final = mine.filter((r) => r.outcome === 'applied').reduce((n, r) => n + r.count, 0);
    const { meanSubmitMs = null, ...outcomes } = submits ?? {};
    return {
      carrier: pooled.carrier,
      paused: pooled.paused,
      connected: pooled.connected,
      slots: pooled.slots,
      binds: (pooled.state?.binds ?? []).map((b) => ({
        id: b.id,
        mode: b.mode,
        state: b.state,
        window: { used: b.windowUsed, size: b.windowSize },
        rate: Math.round(b.rate * 10) / 10,
      })),
      tps: pooled.state?.tps ?? { actual: 0, cap: 0 },
      circuit: {
        state: circuit?.state ?? 'closed',
        consecutiveFailures: circuit?.consecutiveFailures ?? 0,
        openedAt: circuit?.openedAt != null ? new Date(circuit.openedAt).toISOString() : null,
      },
      submits: outcomes,
      meanSubmitMs,
      receipts: {
        byOutcome: Object.fromEntries(mine.map((r) => [r.outcome, r.count])),
        meanLatencyMs: meanLatency(mine.filter((r) => r.outcome === 'applied')),
        unmatched: mine.find((r) => r.outcome === 'unmatched')?.count ?? 0,
      },
      receiptRatio: submits && submits.accepted > 0 ? Math.round((final / submits.accepted) * 1000) / 1000 : null,
    };
  });
}

function meanLatency(rows: readonly ReceiptCounts[]): number | null {
  const withLatency = rows.filter((r) => r.meanLatencyMs !== null);
  const total = withLatency.reduce((n, r) => n + r.count, 0);
  if (total === 0) return null;
  return Math.round(withLatency.reduce((sum, r) => sum + (r.meanLatencyMs as number) * r.count, 0) / total);
}

/** Queue depth and the oldest waiting message, per lane, per account and per route. */
export function queueView(rows: readonly QueueDepthRow[], now: number): QueueView {
  const group = <K extends string>(key: (row: QueueDepthRow) => K) => {
    const out = new Map<K, { count: number; oldest: number; row: QueueDepthRow }>();
    for (const row of rows) {
      const k = key(row);
      const seen = out.get(k);
      if (seen) {
        seen.count += row.count;
        seen.oldest = Math.min(seen.oldest, row.oldestCreatedAt);
      } else out.set(k, { count: row.count, oldest: row.oldestCreatedAt, row });
    }
    return [...out.values()];
  };
  return {
    lanes: group((r) => `${r.priority}\0${r.status}`).map(({ row, count, oldest }) => ({
      priority: row.priority,
      status: row.status,
      count,
      oldestAgeMs: now - oldest,
    })),
    accounts: group((r) => `${r.accountId}\0${r.priority}\0${r.status}`).map(({ row, count, oldest }) => ({
      accountId: row.accountId,
      priority: row.priority,
      status: row.status,
      count,
      oldestAgeMs: now - oldest,
    })),
    routes: group((r) => r.carrier ?? '').map(({ row, count, oldest }) => ({
      carrier: row.carrier,
      count,
      oldestAgeMs: now - oldest,
    })),
  };
}

/** The same figures in the Prometheus text format, for scraping. */
export function prometheusText(carriers: readonly CarrierView[], queue: QueueView): string {
  const lines: string[] = [];
  // Each sample is [labels, value]; written loosely so the callers' array literals need no casts.
  const metric = (name: string, type: string, help: string, samples: ReadonlyArray<readonly unknown[]>) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const sample of samples) {
      const [labels, value] = sample as [Record<string, string | number>, number];
      const text = Object.entries(labels)
        .map(([k, v]) => `${k}="${String(v).replace(/["\\\n]/g, '_')}"`)
        .join(',');
      lines.push(`${name}{${text}} ${value}`);
    }
  };
  metric(
    'karvon_carrier_submits_total',
    'counter',
    'submit_sm outcomes of this process, by carrier.',
    carriers.flatMap((c) => Object.entries(c.submits).map(([outcome, n]) => [{ carrier: c.carrier, outcome }, n])),
  );
  metric(
    'karvon_carrier_receipts',
    'gauge',
    'Receipts received in the reporting window, by carrier and outcome (all processes).',
    carriers.flatMap((c) =>
      Object.entries(c.receipts.byOutcome).map(([outcome, n]) => [{ carrier: c.carrier, outcome }, n]),
    ),
  );
  metric(
    'karvon_carrier_binds',
    'gauge',
    'Binds of this process by state.',
    carriers.flatMap((c) => c.binds.map((b) => [{ carrier: c.carrier, bind: b.id, state: b.state }, 1])),
  );
  metric(
    'karvon_carrier_window_used',
    'gauge',
    'submit_sm awaiting a response, per bind.',
    carriers.flatMap((c) => c.binds.map((b) => [{ carrier: c.carrier, bind: b.id }, b.window.used])),
  );
  metric(
    'karvon_carrier_tps',
    'gauge',
    'Submits in the last second against the cap of this process.',
    carriers.flatMap((c) => [
      [{ carrier: c.carrier, kind: 'actual' }, c.tps.actual],
      [{ carrier: c.carrier, kind: 'cap' }, c.tps.cap],
    ]),
  );
  metric(
    'karvon_carrier_circuit_open',
    'gauge',
    '1 when the circuit breaker of the carrier is open or half-open.',
    carriers.map((c) => [{ carrier: c.carrier }, c.circuit.state === 'closed' ? 0 : 1]),
  );
  metric(
    'karvon_queue_depth',
    'gauge',
    'Live messages waiting, by lane (priority) and status.',
    queue.lanes.map((l) => [{ priority: l.priority, status: l.status }, l.count]),
  );
  metric(
    'karvon_queue_oldest_age_seconds',
    'gauge',
    'Age of the oldest waiting message, by lane and status.',
    queue.lanes.map((l) => [{ priority: l.priority, status: l.status }, Math.round(l.oldestAgeMs / 1000)]),
  );
  return `${lines.join('\n')}\n`;
}
