// Test stand-in for https://cdn.shopify.com/shopifycloud/app-bridge.js, served by page.route in
// test/admin-page.browser.test.ts. It offers the part of the `shopify` global the admin page uses:
// `idToken()` (a fresh session token per call, minted by the test in Node, as the real App Bridge
// gets one from the admin per call) and `toast.show()`. Like the real script it needs the
// `shopify-api-key` meta tag before it, and fails loudly without it.
(() => {
  const meta = document.querySelector('meta[name="shopify-api-key"]');
  if (!meta?.content) throw new Error('App Bridge: <meta name="shopify-api-key"> must come before app-bridge.js');
  const toasts = [];
  let shelf;
  window.shopify = {
    config: { apiKey: meta.content },
    idToken() {
      if (typeof window.__mintIdToken !== 'function') return Promise.reject(new Error('App Bridge: no session'));
      return window.__mintIdToken();
    },
    toast: {
      show(message, options) {
        toasts.push({ message: String(message), isError: Boolean(options?.isError) });
        // Drawn fixed at the bottom, as the admin draws toasts outside the app's frame: no layout shift.
        if (!shelf) {
          shelf = document.createElement('div');
          shelf.setAttribute('role', 'status');
          shelf.style.cssText =
            'position:fixed;left:50%;bottom:16px;transform:translateX(-50%);display:flex;flex-direction:column;gap:6px;z-index:10;font:13px system-ui';
          document.body.append(shelf);
        }
        const item = document.createElement('div');
        item.textContent = message;
        item.style.cssText = `padding:8px 14px;border-radius:8px;color:#fff;background:${options?.isError ? '#8e1f0b' : '#303030'}`;
        shelf.append(item);
        setTimeout(() => item.remove(), options?.duration || 4000);
      },
    },
  };
  window.__appBridgeStandIn = { toasts };
})();
