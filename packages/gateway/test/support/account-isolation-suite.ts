import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, httpCall } from './http-call';
import { type Backend, startTestGateway, type TestAccount, type TestGateway } from './start-test-gateway';

interface Owned {
  account: TestAccount;
  phone: string;
  messageId: string;
  templateId: string;
  templateName: string;
  keyId: string;
  senderId: string;
  webhookId: string;
  secret: string;
  /** Text only this account's message, template and consent contain. */
  marker: string;
}

/** Creates one of everything an account can own, and returns the ids. */
async function populate(t: TestGateway, phone: string): Promise<Owned> {
  const account = await t.newAccount();
  const BODY_TEXT = `private-${phone.slice(-4)}`;
  const call = (method: string, path: string, body?: unknown) =>
    httpCall(t.url, method, path, { key: account.key, ...(body !== undefined ? { body } : {}) });
  const created = async (pending: Promise<CallResult>) => {
    const result = await pending;
    expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
    return result.body;
  };
  const later = new Date(Date.now() + 3_600_000).toISOString();
  const sent = await created(call('POST', '/send', { to: phone, body: BODY_TEXT, scheduledAt: later }));
  const templateName = `tpl-${account.accountId}`;
  const template = await created(call('POST', '/template', { name: templateName, body: `${BODY_TEXT} {x}` }));
  const key = await created(call('POST', '/keys', { name: 'second', mode: 'live', role: 'developer' }));
  const sender = await created(call('POST', '/senders', { sender: 'IsoShop', kind: 'alphanumeric', country: 'KZ' }));
  const webhook = await created(call('POST', '/webhooks', { url: 'https://93.184.215.14/iso' }));
  await created(call('POST', '/opt-outs', { phoneNumber: phone }));
  await created(call('POST', '/consents', { phoneNumber: phone, source: 'web_form', proof: BODY_TEXT }));
  return {
    account,
    phone,
    messageId: sent.results[0].id,
    templateId: template.id,
    templateName,
    keyId: key.id,
    senderId: sender.id,
    webhookId: webhook.id,
    secret: webhook.secret,
    marker: BODY_TEXT,
  };
}

/**
 * Two accounts, each owning a message, template, key, sender, webhook
 * endpoint, opt-out and consent: every id-addressed route called with the
 * other account's id is a 404 (never a 403, never data), and lists never
 * show the other account's items. Run once per database.
 */
export function accountIsolationSuite(backend: Backend): void {
  describe(`account isolation (${backend})`, () => {
    let t: TestGateway;
    let a: Owned;
    let b: Owned;
    beforeAll(async () => {
      t = await startTestGateway(backend);
      a = await populate(t, '+998901110001');
      b = await populate(t, '+998901110002');
    });
    afterAll(async () => {
      await t?.close();
    });

    const asB = (method: string, path: string, body?: unknown) =>
      httpCall(t.url, method, path, { key: b.account.key, ...(body !== undefined ? { body } : {}) });
    const asA = (method: string, path: string, body?: unknown) =>
      httpCall(t.url, method, path, { key: a.account.key, ...(body !== undefined ? { body } : {}) });
    const leaks = (result: CallResult) => {
      const text = JSON.stringify(result.body);
      return [a.marker, a.secret, a.account.accountId, a.templateName].filter((s) => text.includes(s));
    };

    it("answers 404 not_found to every id-addressed route called with another account's id", async () => {
      const enc = encodeURIComponent;
      const attempts: [string, string, unknown?][] = [
        ['GET', `/status/${a.messageId}`],
        ['POST', `/messages/${a.messageId}/cancel`],
        ['GET', `/templates/${a.templateId}`],
        ['DELETE', `/templates/${a.templateId}`],
        ['POST', '/template', { id: a.templateId, name: 'stolen', body: 'Overwritten' }],
        ['POST', '/template/preview', { id: a.templateId, variables: { x: 1 } }],
        ['DELETE', `/keys/${a.keyId}`],
        ['GET', `/senders/${a.senderId}`],
        ['DELETE', `/senders/${a.senderId}`],
        ['GET', `/webhooks/${a.webhookId}`],
        ['DELETE', `/webhooks/${a.webhookId}`],
        ['DELETE', `/opt-outs/${enc(a.phone)}`],
        ['DELETE', `/consents/${enc(a.phone)}`],
      ];
      const wrong: string[] = [];
      for (const [method, path, body] of attempts) {
        const result = await asB(method, path, body);
        if (result.status !== 404 || result.body?.code !== 'not_found' || leaks(result).length > 0) {
          wrong.push(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it("leaves the owner's resources untouched after the other account's attempts", async () => {
      expect((await asA('GET', `/status/${a.messageId}`)).body.status).toBe('scheduled');
      const template = await asA('GET', `/templates/${a.templateId}`);
      expect([template.status, template.body.name, template.body.version]).toEqual([200, a.templateName, 1]);
      expect((await asA('GET', `/senders/${a.senderId}`)).status).toBe(200);
      expect((await asA('GET', `/webhooks/${a.webhookId}`)).status).toBe(200);
      const keys = await asA('GET', '/keys');
      expect(keys.body.data.map((k: { id: string }) => k.id)).toContain(a.keyId);
      const optOuts = await asA('GET', '/opt-outs');
      expect(optOuts.body.data.map((o: { phoneNumber: string }) => o.phoneNumber)).toEqual([a.phone]);
      const consents = await asA('GET', '/consents');
      expect(consents.body.data.map((c: { phoneNumber: string }) => c.phoneNumber)).toEqual([a.phone]);
    });

    it("never lists the other account's items", async () => {
      const aIds = [a.messageId, a.templateId, a.keyId, a.senderId, a.webhookId, a.phone];
      for (const path of [
        '/messages',
        '/templates',
        '/keys',
        '/senders',
        '/webhooks',
        '/opt-outs',
        '/consents',
        '/balance',
      ]) {
        const result = await asB('GET', path);
        expect(result.status, path).toBe(200);
        const text = JSON.stringify(result.body);
        expect(
          aIds.filter((id) => text.includes(id)),
          path,
        ).toEqual([]);
        expect(leaks(result), path).toEqual([]);
      }
      // Filters cannot reach across accounts either.
      const filtered = await asB('GET', `/messages?to=${encodeURIComponent(a.phone)}`);
      expect(filtered.body.data).toEqual([]);
    });

    it("exports and erases nothing of the other account's", async () => {
      const exported = await asB('POST', '/privacy/export', { phoneNumber: a.phone });
      expect(exported.body).toMatchObject({ messages: [], optOuts: [], consents: [] });
      const erased = await asB('POST', '/privacy/erasure', { phoneNumber: a.phone });
      expect(erased.body.erasedMessages).toBe(0);
      const own = await asA('POST', '/privacy/export', { phoneNumber: a.phone });
      expect(own.body.messages).toHaveLength(1);
      expect(own.body.consents).toHaveLength(1);
    });

    it("cannot send with the other account's template", async () => {
      const result = await asB('POST', '/send', { to: '+998901234567', template: a.templateName, variables: { x: 1 } });
      expect([result.status, result.body?.code]).toEqual([422, 'template_not_found']);
    });
  });
}
