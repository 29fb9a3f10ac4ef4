import { describe, expect, it } from 'vitest';
import type { AdapterHarness } from './adapter-harness';

/**
 * The conformance battery every platform adapter runs: idempotent platform events, consent sync
 * without loops, compliance export and erasure, signature rejection. Written once; an adapter
 * passes it by providing an `AdapterHarness` over its real pieces.
 */
export function adapterBattery(name: string, harness: () => AdapterHarness): void {
  describe(`${name}: adapter conformance`, () => {
    describe('idempotent platform events', () => {
      it('sends one SMS for an event the platform delivers three times', async () => {
        const h = harness();
        const customer = await h.newCustomer();
        const statuses = await h.deliverTransactionalEvent(customer, { eventKey: 'redelivered', times: 3 });
        expect(statuses.every((status) => status >= 200 && status < 300)).toBe(true);
        await h.drain();
        expect(await h.gatewayMessagesTo(customer.phone)).toBe(1);
      });

      it('sends one SMS when several topics describe the same event', async () => {
        const h = harness();
        const customer = await h.newCustomer();
        await h.deliverOneEventThroughEveryTopic(customer, { eventKey: 'many-topics' });
        await h.drain();
        expect(await h.gatewayMessagesTo(customer.phone)).toBe(1);
      });
    });

    describe('signature rejection', () => {
      it('rejects a tampered event with 401 and stores nothing', async () => {
        const h = harness();
        const customer = await h.newCustomer();
        const before = await h.storedEventCount();
        expect(await h.deliverTamperedEvent(customer, { eventKey: 'tampered' })).toBe(401);
        await h.drain();
        expect(await h.storedEventCount()).toBe(before);
        expect(await h.gatewayMessagesTo(customer.phone)).toBe(0);
      });
    });

    describe('consent sync', () => {
      it('mirrors a STOP at the gateway into platform consent', async () => {
        const h = harness();
        const customer = await h.newCustomer();
        await h.setPlatformConsent(customer, 'subscribed');
        await h.gatewayOptOut(customer, true, { eventKey: 'stop-1' });
        await h.drain();
        expect(await h.platformConsent(customer)).toBe('unsubscribed');
      });

      it('skips the platform write when the state already matches, so the systems never loop', async () => {
        const h = harness();
        const customer = await h.newCustomer();
        await h.setPlatformConsent(customer, 'unsubscribed');
        const writes = h.platformConsentWrites();
        await h.gatewayOptOut(customer, true, { eventKey: 'stop-again' });
        await h.drain();
        expect(h.platformConsentWrites()).toBe(writes);
        expect(await h.platformConsent(customer)).toBe('unsubscribed');
      });

      it('mirrors a START after a STOP back to subscribed', async () => {
        const h = harness();
        const customer = await h.newCustomer();
        await h.setPlatformConsent(customer, 'subscribed');
        await h.gatewayOptOut(customer, true, { eventKey: 'stop-before-start' });
        await h.drain();
        expect(await h.platformConsent(customer)).toBe('unsubscribed');
        await h.gatewayOptOut(customer, false, { eventKey: 'start-1' });
        await h.drain();
        expect(await h.platformConsent(customer)).toBe('subscribed');
      });
    });

    describe('compliance', () => {
      it('exports what it holds about a customer, with the gateway export of the number', async () => {
        const h = harness();
        const customer = await h.newCustomer();
        await h.deliverTransactionalEvent(customer, { eventKey: 'before-export', times: 1 });
        await h.drain();
        const exported = await h.requestExport(customer);
        expect(exported.text).toContain(customer.phone);
        expect(exported.gatewayExports).toBeGreaterThanOrEqual(1);
      });

      it('erases the customer here and asks the gateway to erase the number', async () => {
        const h = harness();
        const customer = await h.newCustomer();
        await h.deliverTransactionalEvent(customer, { eventKey: 'before-erasure', times: 1 });
        await h.drain();
        expect(await h.adapterHolds(customer.phone)).toBe(true);
        await h.requestErasure(customer);
        expect(await h.adapterHolds(customer.phone)).toBe(false);
        expect(await h.gatewayErasures()).toContain(customer.phone);
      });
    });
  });
}
