// Webhook verification benchmark: verifications/s of @karvon/sdk/webhooks against the
// reference `standardwebhooks` package, same run, same ≈1 KB JSON payload, same secret.
// Run through `pnpm bench` (bench/run.mjs), or alone with `node bench/webhooks.bench.mjs`
// after `pnpm --filter @karvon/sdk build`: it measures the BUILT package, as users get it.
//
// Rows:
//   standardwebhooks verify        sync, pure-JS HMAC (fast-sha256), parses the JSON
//   ours verifyWebhook             HMAC from node:crypto's createHmac, reached through
//                                  process.getBuiltinModule (synchronous, KeyObject cached);
//                                  Web Crypto only where that is absent. Parses the JSON
//   ours verifyWebhookSignature    the same without the JSON parse
//   ours verifyWebhook x32 in flight   32 verifications awaited together (what a busy server
//                                  sees; it mattered when every HMAC was a thread-pool job)
// The target compares the second row with the first, one call after another (no overlap).
// Why the HMAC path: docs/decisions/0005-webhook-hmac-fast-path.md.
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';

let ours;
try {
  ours = await import('../dist/webhooks/index.js');
} catch (error) {
  console.log(
    `! could not load ../dist/webhooks/index.js (${error.message}); run \`pnpm --filter @karvon/sdk build\`.`,
  );
  process.exit(1);
}
const { verifyWebhook, verifyWebhookSignature, signWebhook } = ours;

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const event = {
  id: 'evt_01JD4Z6Q0M8V8P3T6S9K2R7B4N',
  type: 'message.delivered',
  timestamp: '2026-11-02T09:15:27.120Z',
  apiVersion: '2026-11-01',
  data: {
    messageId: 'msg_01JD4Z5Y7W6X1Q2E3R4T5Y6U7I',
    status: 'delivered',
    to: '+998901234567',
    from: 'KARVON',
    segments: 2,
    price: { amount: 24000, currency: 'UZS' },
    clientReference: 'order-1029384756',
    metadata: { orderId: '1029384756', shop: 'toshkent-market.myshopify.com', channel: 'shopify' },
  },
};
// Pad the metadata up to about 1 KB of JSON.
let body = JSON.stringify(event);
for (let i = 0; body.length < 1000; i++) {
  event.data.metadata[`note${i}`] = 'Buyurtmangiz yetkazildi, rahmat!';
  body = JSON.stringify(event);
}

const now = new Date();
const headers = await signWebhook({ id: event.id, timestamp: now, body, secret: SECRET });
const reference = new Webhook(SECRET);

// Both must accept the payload before anything is timed.
reference.verify(body, headers);
await verifyWebhook(body, headers, SECRET);

async function measure(fn, ms) {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 200; i++) await fn();
    count += 200;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

const IN_FLIGHT = 32;
const contenders = [
  { name: 'standardwebhooks 1.1.1 Webhook#verify', fn: () => reference.verify(body, headers) },
  { name: '@karvon/sdk verifyWebhook', fn: () => verifyWebhook(body, headers, SECRET) },
  {
    name: '@karvon/sdk verifyWebhookSignature (no JSON parse)',
    fn: () => verifyWebhookSignature(body, headers, SECRET),
  },
  {
    name: `@karvon/sdk verifyWebhook, ${IN_FLIGHT} in flight`,
    perCall: IN_FLIGHT,
    fn: () => Promise.all(Array.from({ length: IN_FLIGHT }, () => verifyWebhook(body, headers, SECRET))),
  },
];

// Warm up, then alternate rounds so drift (turbo, GC, other load) hits everyone alike; report the median.
for (const c of contenders) await measure(c.fn, 300);
const ROUNDS = 5;
const samples = contenders.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, c] of contenders.entries()) samples[i].push((await measure(c.fn, 600)) * (c.perCall ?? 1));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rates = samples.map(median);

console.log(
  `payload ${new TextEncoder().encode(body).length} bytes, Node ${process.version}, median of ${ROUNDS} rounds`,
);
const width = Math.max(...contenders.map((c) => c.name.length));
for (const [i, c] of contenders.entries()) {
  console.log(`${c.name.padEnd(width)}  ${Math.round(rates[i]).toLocaleString('en-US').padStart(10)} verifications/s`);
}
const ratio = rates[1] / rates[0];
const overlapped = rates[3] / rates[0];
console.log(
  `ratio ours/standardwebhooks, one at a time: ${ratio.toFixed(2)}x  target >= 1x: ${ratio >= 1 ? 'PASS' : 'MISS'}`,
);
console.log(`ratio ours/standardwebhooks, ${IN_FLIGHT} in flight: ${overlapped.toFixed(2)}x (informative)`);
