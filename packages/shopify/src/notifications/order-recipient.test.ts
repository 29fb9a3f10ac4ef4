import { describe, expect, it } from 'vitest';
import { order } from '../__fixtures__/webhooks/order-payloads';
import { orderPayloadSchema } from './order-payload';
import { orderRecipient } from './order-recipient';

const parse = (overrides: Record<string, unknown> = {}) => orderPayloadSchema.parse(order(overrides));

describe('orderRecipient', () => {
  it('prefers the shipping phone, normalised to E.164', () => {
    expect(orderRecipient(parse())).toMatchObject({ phone: '+998901234567', source: 'shipping', firstName: 'Dilnoza' });
  });

  it('falls back to billing, then the customer, then the order', () => {
    const noShipping = { shipping_address: { first_name: 'A', phone: null } };
    expect(
      orderRecipient(parse({ ...noShipping, billing_address: { first_name: 'B', phone: '+998 93 111 22 33' } })),
    ).toMatchObject({
      phone: '+998931112233',
      source: 'billing',
    });
    expect(orderRecipient(parse({ ...noShipping, billing_address: null }))).toMatchObject({ source: 'customer' });
    expect(
      orderRecipient(parse({ ...noShipping, billing_address: null, customer: null, phone: '+998977654321' })),
    ).toMatchObject({
      phone: '+998977654321',
      source: 'order',
    });
  });

  it('reads local Uzbek numbers with the shop country', () => {
    const local = parse({ shipping_address: { phone: '90 123 45 67' }, billing_address: null, customer: null });
    expect(orderRecipient(local, 'UZ')).toMatchObject({ phone: '+998901234567' });
  });

  it('explains a phone Shopify withheld, rather than dropping the notification silently', () => {
    const redacted = parse({ shipping_address: null, billing_address: null, customer: null, phone: null });
    const recipient = orderRecipient(redacted);
    expect(recipient.phone).toBeNull();
    expect(recipient.phone === null && recipient.reason).toMatch(/protected customer data/);
  });

  it('says so when the only phone is not a valid number', () => {
    const bad = parse({ shipping_address: { phone: '12' }, billing_address: null, customer: null });
    const recipient = orderRecipient(bad);
    expect(recipient.phone === null && recipient.reason).toMatch(/not a valid mobile number/);
  });
});
