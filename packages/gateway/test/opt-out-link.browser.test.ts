import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { APIError } from '@karvon/sdk';
import { describeUnless } from '@karvon/test-utils';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { optOutLinkUrl } from '../src/opt-out-links/link-url';
import { startTestGateway, type TestAccount, type TestGateway } from './support/start-test-gateway';

// Chromium from Debian (apt-get install -y chromium), driven by playwright-core:
// no browser download, the same binary in CI and on a laptop.
const CHROMIUM = '/usr/bin/chromium';

function browserUnavailable(): string | false {
  if (!existsSync(CHROMIUM)) return `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`;
  try {
    createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed in @karvon/gateway';
  }
  return false;
}

async function rejection(promise: Promise<unknown>): Promise<APIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describeUnless(browserUnavailable())('link opt-out through the page in headless Chromium', () => {
  let t: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    t = await startTestGateway('sqlite');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const linkFor = async (account: TestAccount, phoneNumber: string) =>
    optOutLinkUrl(
      t.url,
      await t.repository.optOutLinks.codeFor({ accountId: account.accountId, phoneNumber, now: Date.now() }),
    );

  it('opts the number out with one click, without JavaScript, and marketing to it is refused', async () => {
    const account = await t.newAccount();
    const to = '+998901234567';
    await account.client.consents.create({ phoneNumber: to, source: 'web_form' });
    // With consent and no opt-out the send goes through, so the refusal below is the opt-out's doing.
    expect((await account.client.messages.send({ to, body: 'Sale', type: 'marketing' })).accepted).toBe(1);

    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${await linkFor(account, to)}?lang=ru`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe('ru');
      const accountName = (await t.repository.accounts.get(account.accountId))?.name as string;
      expect(await page.locator('h1').textContent()).toBe(`Хотите перестать получать сообщения от ${accountName}?`);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('+99890*****67');
      expect(text).not.toContain('901234567');

      const [posted] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Отписаться' }).click(),
      ]);
      expect([posted.status(), posted.request().headers()['content-type']]).toEqual([
        200,
        'application/x-www-form-urlencoded',
      ]);
      await page.waitForLoadState('domcontentloaded');
      expect(await page.locator('h1').textContent()).toBe(
        `Вы больше не будете получать рекламные сообщения от ${accountName}`,
      );
    } finally {
      await context.close();
    }

    const optOut = await t.repository.optOuts.get(account.accountId, to);
    expect(optOut).toBeDefined();
    expect(optOut?.source).toBe('link');
    const refused = await rejection(account.client.messages.send({ to, body: 'Sale', type: 'marketing' }));
    expect([refused.status, refused.code]).toEqual([422, 'opted_out']);
  });

  it('speaks the browser’s language without ?lang= and shows the not-found page for an unknown code', async () => {
    const account = await t.newAccount();
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(await linkFor(account, '+998907654321'));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByRole('button', { name: 'Stop messages' }).isVisible()).toBe(true);

      const unknown = await page.goto(`${t.url}/u/Zz0Zz0Zz`);
      expect(unknown?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('This link is not valid');
    } finally {
      await context.close();
    }
    // Looking at the page opts no one out.
    expect(await t.repository.optOuts.get(account.accountId, '+998907654321')).toBeUndefined();
  });
});
