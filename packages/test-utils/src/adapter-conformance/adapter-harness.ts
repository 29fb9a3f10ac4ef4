/**
 * What a platform adapter's test setup gives the shared conformance battery. Each adapter
 * (Shopify, WooCommerce, HubSpot, Zendesk, Salesforce) implements it once over its own real
 * pieces: its webhook endpoint with the platform's real signature check, its storage, a real
 * Karvon gateway, and msw for the platform's API. The battery then asks the same questions of all.
 */
export interface AdapterHarness {
  /** A customer of the platform with a mobile number, fresh for each test. */
  newCustomer(): Promise<AdapterCustomer>;
  /**
   * Delivers the platform event that sends a transactional SMS to the customer (an order placed),
   * correctly signed, `times` times with the platform's own redelivery identifiers unchanged.
   * Answers the HTTP status of each delivery.
   */
  deliverTransactionalEvent(customer: AdapterCustomer, options: { eventKey: string; times: number }): Promise<number[]>;
  /**
   * Delivers every platform topic that describes one and the same business event (a shipment:
   * fulfillment created, updated, order fulfilled…), each redelivered once.
   */
  deliverOneEventThroughEveryTopic(customer: AdapterCustomer, options: { eventKey: string }): Promise<void>;
  /** The same event as `deliverTransactionalEvent`, with its body changed after signing. */
  deliverTamperedEvent(customer: AdapterCustomer, options: { eventKey: string }): Promise<number>;
  /** Runs the adapter's queue until nothing is due. */
  drain(): Promise<void>;
  /** Messages the gateway accepted for this number (read from the gateway, not the adapter). */
  gatewayMessagesTo(phone: string): Promise<number>;
  /** Events the adapter stored, so a rejected delivery can be shown to have stored nothing. */
  storedEventCount(): Promise<number>;

  /** The customer replies STOP (or START) at the gateway, which then notifies the adapter. */
  gatewayOptOut(customer: AdapterCustomer, optedOut: boolean, options: { eventKey: string }): Promise<void>;
  /** The customer's SMS marketing consent on the platform side. */
  platformConsent(customer: AdapterCustomer): Promise<'subscribed' | 'unsubscribed' | 'other'>;
  /** How many consent writes the adapter made to the platform so far. */
  platformConsentWrites(): number;
  /** Sets the platform-side consent directly, as the platform's own UI would. */
  setPlatformConsent(customer: AdapterCustomer, state: 'subscribed' | 'unsubscribed'): Promise<void>;

  /** The platform's data-export request for the customer; answers what the adapter handed over. */
  requestExport(customer: AdapterCustomer): Promise<{ text: string; gatewayExports: number }>;
  /** The platform's erasure request for the customer. */
  requestErasure(customer: AdapterCustomer): Promise<void>;
  /** Whether the adapter's storage still mentions the phone anywhere. */
  adapterHolds(phone: string): Promise<boolean>;
  /** Numbers the gateway was asked to erase. */
  gatewayErasures(): Promise<string[]>;
}

export interface AdapterCustomer {
  /** The platform's id of the customer. */
  id: string;
  /** E.164 */
  phone: string;
}
