import type { Karvon } from '@karvon/sdk';
import { checkPhoneNumber, maskPhoneNumber } from '@karvon/sdk/phone';
import type { AppLogger } from '../app-logger';
import type { CustomerDataExport, ShopConnection, ShopifyStore } from '../storage/shopify-store';
import type { InboxHandler } from '../webhooks/inbox-worker';
import { customerRedactPayloadSchema, dataRequestPayloadSchema, shopRedactPayloadSchema } from './compliance-payloads';

type PrivacyExport = Awaited<ReturnType<Karvon['privacy']['export']>>;

/** What a `customers/data_request` produced: the app's rows and the gateway's export per number. */
export interface ComplianceDataExport {
  shop: string;
  dataRequestId: string;
  customerId: string;
  app: CustomerDataExport;
  gateway: PrivacyExport[];
  createdAt: string;
}

export interface ComplianceHandlerDeps {
  store: ShopifyStore;
  karvonFor(connection: ShopConnection): Karvon;
  logger: AppLogger;
  /** Hands the export to the merchant (a file, an email, the admin page). */
  deliverExport(data: ComplianceDataExport): Promise<void>;
  now?: () => number;
}

function normalisedPhones(phones: ReadonlyArray<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const phone of phones) {
    if (!phone) continue;
    const checked = checkPhoneNumber(phone);
    if (checked.valid) out.add(checked.e164);
  }
  return [...out];
}

/**
 * The three mandatory compliance topics, done for real: the app's own rows are exported or
 * deleted, and the gateway's privacy export or erasure is called for every number involved (the
 * merchant's Karvon account holds the messages). The gateway goes first on erasure: if it fails,
 * the event is retried with the local rows still there to name the numbers.
 */
export function complianceHandlers(deps: ComplianceHandlerDeps): Record<string, InboxHandler> {
  const { store, logger } = deps;
  const now = deps.now ?? Date.now;

  async function eraseAtGateway(connection: ShopConnection | null, phones: string[]): Promise<void> {
    if (!connection) return;
    const karvon = deps.karvonFor(connection);
    for (const phoneNumber of phones) {
      await karvon.privacy.erase({ phoneNumber });
      logger.info('gateway erasure done', { shop: connection.shop, phone: maskPhoneNumber(phoneNumber) });
    }
  }

  return {
    'customers/data_request': async (event, payload) => {
      const request = dataRequestPayloadSchema.parse(payload);
      const app = await store.compliance.exportCustomer({
        shop: event.shop,
        customerId: request.customer.id,
        phones: normalisedPhones([request.customer.phone]),
        orderIds: request.orders_requested ?? [],
      });
      const connection = await store.connections.get(event.shop);
      const gateway: PrivacyExport[] = [];
      if (connection) {
        const karvon = deps.karvonFor(connection);
        for (const phoneNumber of normalisedPhones([request.customer.phone, ...app.phones])) {
          gateway.push(await karvon.privacy.export({ phoneNumber }));
        }
      }
      await deps.deliverExport({
        shop: event.shop,
        dataRequestId: request.data_request.id,
        customerId: request.customer.id,
        app,
        gateway,
        createdAt: new Date(now()).toISOString(),
      });
    },
    'customers/redact': async (event, payload) => {
      const request = customerRedactPayloadSchema.parse(payload);
      const input = {
        shop: event.shop,
        customerId: request.customer.id,
        phones: normalisedPhones([request.customer.phone]),
        orderIds: request.orders_to_redact ?? [],
      };
      const stored = await store.compliance.exportCustomer(input);
      await eraseAtGateway(
        await store.connections.get(event.shop),
        normalisedPhones([...input.phones, ...stored.phones]),
      );
      const { deleted } = await store.compliance.redactCustomer(input);
      logger.info('customer redacted', { shop: event.shop, deleted });
    },
    'shop/redact': async (event, payload) => {
      shopRedactPayloadSchema.parse(payload);
      const connection = await store.connections.get(event.shop);
      await eraseAtGateway(connection, await store.compliance.phonesOfShop(event.shop));
      if (connection?.webhookEndpointId) {
        await deps
          .karvonFor(connection)
          .webhookEndpoints.delete(connection.webhookEndpointId as Parameters<Karvon['webhookEndpoints']['delete']>[0])
          .catch((error: unknown) =>
            logger.warn('gateway webhook endpoint not removed', { shop: event.shop, reason: String(error) }),
          );
      }
      const { deleted } = await store.compliance.redactShop(event.shop);
      logger.info('shop redacted', { shop: event.shop, deleted });
    },
  };
}
