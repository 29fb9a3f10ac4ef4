import { SHOPIFY_ADMIN_API_VERSION } from '../../api-version';

// Webhook bodies in the shape of Shopify's documented example payloads for the pinned version,
// trimmed to the fields a real delivery carries that matter here (Shopify sends many more).
// Sources: https://shopify.dev/docs/api/webhooks/2026-10?reference=toml#list-of-topics-orders/create
// (orders/create, orders/fulfilled, orders/cancelled share the order shape) and
// #list-of-topics-fulfillments/create (fulfillments/create and fulfillments/update).
// Values are ours: a Tashkent shop, an Uzbek customer.

export const FIXTURE_API_VERSION = SHOPIFY_ADMIN_API_VERSION;
export const FIXTURE_SHOP = 'karvon-demo.myshopify.com';

export const customer = {
  id: 706405506930370000,
  email: 'dilnoza@example.com',
  created_at: '2026-11-20T10:00:00+05:00',
  updated_at: '2026-11-20T10:00:00+05:00',
  first_name: 'Dilnoza',
  last_name: 'Karimova',
  state: 'enabled',
  note: null,
  verified_email: true,
  multipass_identifier: null,
  tax_exempt: false,
  phone: '+998901234567',
  email_marketing_consent: null,
  sms_marketing_consent: {
    state: 'subscribed',
    opt_in_level: 'single_opt_in',
    consent_updated_at: '2026-11-20T10:00:00+05:00',
    consent_collected_from: 'SHOPIFY',
  },
  currency: 'UZS',
  admin_graphql_api_id: 'gid://shopify/Customer/706405506930370000',
  default_address: null,
};

const address = {
  first_name: 'Dilnoza',
  address1: 'Amir Temur koʻchasi 1',
  phone: '+998 90 123 45 67',
  city: 'Toshkent',
  zip: '100000',
  province: null,
  country: 'Uzbekistan',
  last_name: 'Karimova',
  address2: null,
  company: null,
  latitude: null,
  longitude: null,
  name: 'Dilnoza Karimova',
  country_code: 'UZ',
  province_code: null,
};

export function order(overrides: Record<string, unknown> = {}) {
  return {
    id: 820982911946154500,
    admin_graphql_api_id: 'gid://shopify/Order/820982911946154500',
    app_id: null,
    browser_ip: null,
    buyer_accepts_marketing: true,
    cancel_reason: null,
    cancelled_at: null,
    confirmation_number: 'K4RV0N1',
    confirmed: true,
    contact_email: 'dilnoza@example.com',
    created_at: '2026-11-25T12:00:00+05:00',
    currency: 'UZS',
    current_total_price: '149000.00',
    customer_locale: 'uz-UZ',
    email: 'dilnoza@example.com',
    financial_status: 'paid',
    fulfillment_status: null,
    name: '#1001',
    note: null,
    number: 1,
    order_number: 1001,
    order_status_url: `https://${FIXTURE_SHOP}/orders/123456abcd/authenticate?key=abcdefg`,
    phone: null,
    presentment_currency: 'UZS',
    processed_at: '2026-11-25T12:00:00+05:00',
    source_name: 'web',
    subtotal_price: '139000.00',
    tags: '',
    test: false,
    total_price: '149000.00',
    total_tax: '0.00',
    updated_at: '2026-11-25T12:00:00+05:00',
    user_id: null,
    billing_address: { ...address, phone: null },
    customer,
    fulfillments: [] as unknown[],
    line_items: [
      {
        id: 866550311766439000,
        name: 'Atlas roʻmol',
        quantity: 1,
        price: '139000.00',
        sku: 'ATLAS-1',
        requires_shipping: true,
      },
    ],
    shipping_address: address,
    ...overrides,
  };
}

export function fulfillment(overrides: Record<string, unknown> = {}) {
  return {
    id: 123456,
    admin_graphql_api_id: 'gid://shopify/Fulfillment/123456',
    created_at: '2026-11-25T15:00:00+05:00',
    location_id: 24826418,
    name: '#1001.1',
    order_id: 820982911946154500,
    origin_address: {},
    receipt: {},
    service: 'manual',
    shipment_status: null,
    status: 'success',
    tracking_company: 'UzPost',
    tracking_number: 'UZ123456789',
    tracking_numbers: ['UZ123456789'],
    tracking_url: 'https://track.example.uz/UZ123456789',
    tracking_urls: ['https://track.example.uz/UZ123456789'],
    updated_at: '2026-11-25T15:00:00+05:00',
    line_items: [],
    destination: address,
    ...overrides,
  };
}

/** Source: https://shopify.dev/docs/api/webhooks/2026-10?reference=toml#list-of-topics-customers_marketing_consent/update */
export function marketingConsentUpdate(
  state: 'subscribed' | 'unsubscribed' | 'not_subscribed' | 'pending' | 'redacted',
) {
  return {
    customer_id: customer.id,
    phone_number: customer.phone,
    sms_marketing_consent: {
      state,
      opt_in_level: state === 'subscribed' ? 'single_opt_in' : null,
      consent_updated_at: '2026-11-25T12:30:00+05:00',
      consent_collected_from: 'SHOPIFY',
    },
  };
}

/** Source: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance (customers/data_request). */
export function dataRequest() {
  return {
    shop_id: 954889,
    shop_domain: FIXTURE_SHOP,
    orders_requested: [820982911946154500],
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    data_request: { id: 9999 },
  };
}

/** Source: same page (customers/redact). */
export function customerRedact() {
  return {
    shop_id: 954889,
    shop_domain: FIXTURE_SHOP,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    orders_to_redact: [820982911946154500],
  };
}

/** Source: same page (shop/redact). */
export function shopRedact() {
  return { shop_id: 954889, shop_domain: FIXTURE_SHOP };
}
