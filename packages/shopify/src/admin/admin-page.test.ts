import { describe, expect, it } from 'vitest';
import { APP_BRIDGE_URL, POLARIS_URL, renderAdminPage } from './admin-page';
import { adminPageHeaders } from './admin-page-headers';
import { ADMIN_PAGE_SCRIPT } from './admin-page-script';

describe('renderAdminPage', () => {
  const html = renderAdminPage({ apiKey: 'client-id-123', shop: 'karvon-test.myshopify.com' });

  it('names the app to App Bridge and loads App Bridge first, then Polaris, from Shopify’s CDN', () => {
    expect(html).toContain('<meta name="shopify-api-key" content="client-id-123">');
    const scripts = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((match) => match[1]);
    expect(scripts).toEqual([APP_BRIDGE_URL, POLARIS_URL]);
    expect(APP_BRIDGE_URL).toBe('https://cdn.shopify.com/shopifycloud/app-bridge.js');
    // Plain, blocking tags: App Bridge must run before anything else and may not be async or deferred.
    expect(html).not.toMatch(/<script[^>]+(async|defer|type="module")/);
  });

  it('escapes what it is given', () => {
    const hostile = renderAdminPage({ apiKey: '"><script>alert(1)</script>', shop: '<b>shop</b>' });
    expect(hostile).not.toContain('<script>alert(1)');
    expect(hostile).not.toContain('<b>shop</b>');
    expect(hostile).toContain('content="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
  });

  it('has one inline script, at the end of the body, that parses and never writes HTML', () => {
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(inline).toHaveLength(1);
    expect(html.indexOf('<script>')).toBeGreaterThan(html.indexOf('</s-page>'));
    expect(() => new Function(ADMIN_PAGE_SCRIPT)).not.toThrow();
    expect(ADMIN_PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(ADMIN_PAGE_SCRIPT).not.toContain('</script');
  });

  it('stays small: the whole document under 16 KB before compression', () => {
    expect(new TextEncoder().encode(html).byteLength).toBeLessThan(16 * 1024);
  });

  it('has every element the script looks up', () => {
    const ids = new Set([...ADMIN_PAGE_SCRIPT.matchAll(/\$\('([a-z-]+)'\)/g)].map((match) => match[1]));
    for (const kind of ['order_confirmation', 'shipping', 'cancellation']) ids.add(`enabled-${kind}`);
    for (const field of ['api-key', 'sender-id', 'base-url', 'template-body', 'test-phone']) ids.add(field);
    for (const id of ids) expect(html, id).toContain(`id="${id}"`);
  });

  it('reserves the height of every slot that fills after the first paint', () => {
    for (const id of ['connection-status', 'balance', 'template-state']) {
      expect(html).toMatch(new RegExp(`id="${id}" class="slot (line|status)"`));
    }
    expect(html).toContain('class="slot log"');
    expect(html).toContain('class="slot preview"');
  });
});

describe('adminPageHeaders', () => {
  it('lets only the shop’s admin frame the page', () => {
    expect(adminPageHeaders('karvon-test.myshopify.com')['content-security-policy']).toBe(
      'frame-ancestors https://karvon-test.myshopify.com https://admin.shopify.com;',
    );
  });

  it('lets nothing frame it for a missing or malformed shop', () => {
    for (const shop of [undefined, null, '', 'evil.com', 'a.myshopify.com.evil.com', 'x.myshopify.com; script-src *']) {
      expect(adminPageHeaders(shop)['content-security-policy']).toBe("frame-ancestors 'none';");
    }
  });
});
