// The deployable Shopify app: @karvon/shopify on a plain node:http server.
// Configure with environment variables (see README.md), then `pnpm start`.
import { createServer } from 'node:http';
import { createShopifyApp, jsonLinesLogger, sendWebResponse, toWebRequest } from '@karvon/shopify';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required (see examples/shopify-app/README.md)`);
  return value;
}

const billingMode = process.env.KARVON_BILLING === 'shopify' ? 'shopify' : 'karvon';
const logger = jsonLinesLogger();
const app = await createShopifyApp({
  config: {
    apiKey: required('SHOPIFY_API_KEY'),
    apiSecretKey: required('SHOPIFY_API_SECRET'),
    appUrl: required('SHOPIFY_APP_URL'),
    karvonBaseUrl: process.env.KARVON_BASE_URL ?? 'http://127.0.0.1:8080',
    billing:
      billingMode === 'shopify'
        ? { mode: 'shopify', pricePerSegment: process.env.KARVON_PRICE_PER_SEGMENT ?? '0.02' }
        : { mode: 'karvon' },
    dataDir: process.env.KARVON_SHOPIFY_DATA_DIR ?? './data',
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  },
  logger,
  ...(process.env.KARVON_DEFAULT_COUNTRY ? { defaultCountry: process.env.KARVON_DEFAULT_COUNTRY } : {}),
});

const origin = new URL(app.config.appUrl).origin;
const server = createServer((request, response) => {
  app
    .handle(toWebRequest(request, origin))
    .then((answer) => sendWebResponse(answer, response))
    .catch((error: unknown) => {
      logger.error('request failed', {
        path: request.url?.split('?')[0],
        reason: error instanceof Error ? error.message : String(error),
      });
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"code":"internal_error"}');
    });
});

const port = Number(process.env.PORT ?? 3000);
server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  logger.info('karvon shopify app listening', { port, billing: app.config.billing.mode });
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void app.close().then(() => process.exit(0));
  });
}
