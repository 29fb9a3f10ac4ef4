// Sends one SMS through a running gateway and follows it to a final status.
//   npm start                                    (in another terminal: prints a test key)
//   KARVON_API_KEY=kv_test_… node send.ts +998900000001
// With a test key the gateway plays the carrier; the sandbox numbers pick the outcome
// (docs/guides/sandbox.md): …01 delivered, …02 failed, …03 bounced, …04 expired.
import { Karvon, ValidationError } from '@karvon/sdk';

const apiKey = process.env.KARVON_API_KEY;
if (!apiKey) throw new Error('Set KARVON_API_KEY to the test key `npm start` printed.');
const karvon = new Karvon({ apiKey, baseUrl: process.env.KARVON_BASE_URL ?? 'http://127.0.0.1:8080' });
const to = process.argv[2] ?? '+998900000001';

try {
  const { results } = await karvon.messages.send({
    to,
    body: 'Buyurtmangiz yoʻlda! Your order is on its way.',
    smartEncoding: true,
    clientReference: `example-${Date.now()}`,
  });
  const result = results[0];
  if (result?.status !== 'accepted') throw new Error(`rejected: ${JSON.stringify(result)}`);
  console.log(
    `accepted ${result.id}: ${result.encoding}, ${result.segments} segment(s), ${result.price.amount} ${result.price.currency} (minor units)`,
  );

  for (let attempt = 0; attempt < 20; attempt++) {
    const message = await karvon.messages.get(result.id);
    console.log(`  ${message.status}`);
    if (['delivered', 'failed', 'bounced', 'expired', 'canceled'].includes(message.status)) {
      for (const entry of message.history)
        console.log(`    ${entry.at} ${entry.status}${entry.reason ? ` (${entry.reason})` : ''}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
} catch (error) {
  if (error instanceof ValidationError) console.error(error.code, error.errors);
  throw error;
}
