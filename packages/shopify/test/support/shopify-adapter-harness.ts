import type { Karvon } from '@karvon/sdk';
import { Karvon as KarvonClient } from '@karvon/sdk';
import type { AdapterCustomer, AdapterHarness } from '@karvon/test-utils';
import { customer as fixtureCustomer, fulfillment, order } from '../../src/__fixtures__/webhooks/order-payloads';
import { gatewayMessagesTo } from './gateway-messages';
import { SHOP, type ShopifyAppHarness, startShopifyAppHarness } from './shopify-app-harness';

/**
 * The Shopify app as the adapter conformance battery sees it: real webhooks into the real app,
 * a real gateway behind it, the fake shop behind msw for the Admin API.
 */
export async function startShopifyAdapterHarness(
  options: { postgres?: { url: string; schema: string } } = {},
): Promise<{ harness: AdapterHarness; app: ShopifyAppHarness }> {
  const erased: string[] = [];
  const app = await startShopifyAppHarness({
    ...(options.postgres ? { postgres: options.postgres } : {}),
    app: {
      // The real client, watched: the battery asks which numbers the adapter asked the gateway to erase.
      karvonFor: (connection) => {
        const client = new KarvonClient({
          apiKey: connection.karvonApiKey,
          baseUrl: connection.karvonBaseUrl,
          maxRetries: 0,
        });
        const erase = client.privacy.erase.bind(client.privacy);
        client.privacy.erase = ((params, options) => {
          erased.push(params.phoneNumber);
          return erase(params, options);
        }) as Karvon['privacy']['erase'];
        return client;
      },
    },
  });
  let next = 0;
  const gateway = new KarvonClient({ apiKey: app.account.apiKey, baseUrl: app.gateway.url, maxRetries: 0 });
  const orderFor = (customer: AdapterCustomer, eventKey: string) => {
    const id = Number(customer.id) * 10 + eventKey.length;
    const address = { ...order().shipping_address, phone: customer.phone };
    return order({
      id,
      name: `#${id % 100000}`,
      shipping_address: address,
      customer: { ...fixtureCustomer, id: Number(customer.id), phone: customer.phone },
    });
  };
  const platformEventsStored = async () =>
    Object.values(await app.app.store.inbox.counts(SHOP, 'platform')).reduce((a, b) => a + b, 0);

  const harness: AdapterHarness = {
    async newCustomer() {
      next += 1;
      const id = String(7_000_000 + next);
      const phone = `+99891${String(2_000_000 + next).padStart(7, '0')}`;
      app.fakeShop.addCustomer({ id, phone, firstName: 'Aziz', locale: 'uz' });
      return { id, phone };
    },
    async deliverTransactionalEvent(customer, { eventKey, times }) {
      return app.deliver('orders/create', orderFor(customer, eventKey), {
        eventId: `${eventKey}-${customer.id}`,
        times,
      });
    },
    async deliverOneEventThroughEveryTopic(customer, { eventKey }) {
      const placed = orderFor(customer, eventKey);
      const shipment = fulfillment({
        id: placed.id + 1,
        order_id: placed.id,
        name: `${placed.name}.1`,
        destination: placed.shipping_address,
      });
      await app.deliver(
        'orders/fulfilled',
        { ...placed, fulfillments: [shipment] },
        { eventId: `${eventKey}-f-${customer.id}`, times: 2 },
      );
      await app.deliver('fulfillments/create', shipment, { eventId: `${eventKey}-c-${customer.id}`, times: 2 });
      await app.deliver(
        'fulfillments/update',
        { ...shipment, shipment_status: 'in_transit' },
        { eventId: `${eventKey}-u-${customer.id}`, times: 2 },
      );
    },
    async deliverTamperedEvent(customer, { eventKey }) {
      const [status] = await app.deliver('orders/create', orderFor(customer, eventKey), {
        eventId: `${eventKey}-${customer.id}`,
        tamper: true,
      });
      return status ?? 0;
    },
    drain: () => app.drain(),
    async gatewayMessagesTo(phone) {
      return (await gatewayMessagesTo(app, phone)).length;
    },
    storedEventCount: platformEventsStored,
    async gatewayOptOut(customer, optedOut) {
      const matching = () =>
        app.gatewayEvents.filter(
          (event) =>
            event.type === 'opt_out.changed' &&
            event.data.phoneNumber === customer.phone &&
            event.data.optedOut === optedOut,
        ).length;
      const before = matching();
      if (optedOut) await gateway.optOuts.create({ phoneNumber: customer.phone });
      else await gateway.optOuts.delete(customer.phone);
      // The gateway delivers `opt_out.changed` to the app on its own schedule: wait for it to land.
      const deadline = Date.now() + 10_000;
      while (matching() === before) {
        if (Date.now() > deadline) throw new Error('the gateway did not deliver opt_out.changed');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async platformConsent(customer) {
      const state = app.fakeShop.customers.get(customer.id)?.smsMarketingConsent?.marketingState;
      return state === 'SUBSCRIBED' ? 'subscribed' : state === 'UNSUBSCRIBED' ? 'unsubscribed' : 'other';
    },
    platformConsentWrites: () => app.fakeShop.count('graphql', 'CustomerSmsMarketingConsentUpdate'),
    async setPlatformConsent(customer, state) {
      const stored = app.fakeShop.customers.get(customer.id);
      if (!stored) throw new Error(`no customer ${customer.id}`);
      stored.smsMarketingConsent = {
        marketingState: state === 'subscribed' ? 'SUBSCRIBED' : 'UNSUBSCRIBED',
        marketingOptInLevel: state === 'subscribed' ? 'SINGLE_OPT_IN' : null,
        consentUpdatedAt: new Date().toISOString(),
        consentCollectedFrom: 'SHOPIFY',
      };
    },
    async requestExport(customer) {
      const dataRequestId = 9_000 + next;
      await app.deliver(
        'customers/data_request',
        {
          shop_id: 954889,
          shop_domain: SHOP,
          orders_requested: [],
          customer: { id: Number(customer.id), email: null, phone: customer.phone },
          data_request: { id: dataRequestId },
        },
        { eventId: `export-${customer.id}-${dataRequestId}` },
      );
      await app.drain();
      const delivered = app.exports.find((data) => data.dataRequestId === String(dataRequestId));
      if (!delivered) throw new Error('no export delivered');
      return { text: JSON.stringify(delivered), gatewayExports: delivered.gateway.length };
    },
    async requestErasure(customer) {
      await app.deliver(
        'customers/redact',
        {
          shop_id: 954889,
          shop_domain: SHOP,
          customer: { id: Number(customer.id), email: null, phone: customer.phone },
          orders_to_redact: [],
        },
        { eventId: `redact-${customer.id}` },
      );
      await app.drain();
    },
    async adapterHolds(phone) {
      const held = await app.app.store.compliance.exportCustomer({
        shop: SHOP,
        customerId: '',
        phones: [phone],
        orderIds: [],
      });
      return held.notifications.length > 0 || held.consent.length > 0;
    },
    gatewayErasures: async () => [...erased],
  };
  return { harness, app };
}
