/**
 * The admin page's behaviour: plain JavaScript in one inline script, no bundler, no framework. It
 * runs after the markup is parsed (end of body), starts the three reads in parallel and fills
 * slots whose space the markup reserved, so nothing on the page moves when data arrives.
 *
 * Every call carries `Authorization: Bearer <ID token>` from `shopify.idToken()`. App Bridge's fetch
 * would add it for same-origin requests too; asking explicitly keeps the page working when the
 * app is served from a different origin than App Bridge expects, and makes the header visible
 * in tests. Text from the server is only ever set with textContent or properties, never as HTML.
 */
export const ADMIN_PAGE_SCRIPT = `
(() => {
  'use strict';
  const KINDS = {
    order_confirmation: 'Order confirmation',
    shipping: 'Shipping',
    cancellation: 'Cancellation',
    abandoned_checkout: 'Abandoned checkout (marketing)',
  };
  const LOCALES = { en: 'English', ru: 'Русский', uz: 'Oʻzbekcha' };
  const FIELDS = { apiKey: 'api-key', senderId: 'sender-id', baseUrl: 'base-url', body: 'template-body', phone: 'test-phone' };
  const TONES = { delivered: 'success', sent: 'info', queued: 'info', pending: 'info', skipped: 'neutral',
    failed: 'critical', bounced: 'critical', expired: 'critical', canceled: 'warning', unknown: 'warning' };
  const $ = (id) => document.getElementById(id);
  const state = { templates: new Map(), next: null };

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || 'Request failed (' + status + ')');
      this.status = status;
      this.code = body && body.code;
      this.field = body && body.field;
    }
  }

  async function api(method, path, body) {
    if (!window.shopify || typeof window.shopify.idToken !== 'function') {
      throw new ApiError(0, { message: 'Open this page from your Shopify admin.' });
    }
    const token = await window.shopify.idToken();
    const headers = { authorization: 'Bearer ' + token, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  function toast(message, isError) {
    if (window.shopify && window.shopify.toast) window.shopify.toast.show(message, { isError: Boolean(isError), duration: 4000 });
  }

  function clearErrors() {
    for (const id of Object.values(FIELDS)) { const el = $(id); if (el) el.error = ''; }
  }

  function fail(error) {
    const el = error.field && $(FIELDS[error.field]);
    if (el) el.error = error.message;
    toast(error.message, true);
  }

  async function busy(button, work) {
    button.loading = true;
    clearErrors();
    try { await work(); } catch (error) { fail(error); } finally { button.loading = false; }
  }

  function text(id, value) { $(id).textContent = value; }

  function renderConnection(connection) {
    if (connection) {
      text('connection-status', 'Connected to ' + connection.baseUrl + ' with key ' + connection.apiKeyHint +
        ', sender ' + connection.senderId + (connection.webhookRegistered ? '. Delivery updates are on.' : '. Delivery updates are off.'));
      $('sender-id').value = connection.senderId;
      $('base-url').value = connection.baseUrl;
      $('api-key').placeholder = 'Saved (' + connection.apiKeyHint + '). Paste a new key to replace it';
      $('disconnect').disabled = false;
    } else {
      text('connection-status', 'Not connected. Paste an API key from your Karvon account to start sending.');
      $('api-key').placeholder = 'kv_live_…';
      $('disconnect').disabled = true;
    }
  }

  function renderBalance(overview) {
    if (overview.balance) text('balance', overview.balance.display);
    else text('balance', overview.balanceError || 'Connect an account to see its balance.');
  }

  async function loadOverview() {
    const overview = await api('GET', '/api/overview');
    renderConnection(overview.connection);
    renderBalance(overview);
    for (const kind of Object.keys(KINDS)) $('enabled-' + kind).checked = Boolean(overview.settings.enabled[kind]);
    $('default-locale').value = overview.settings.defaultLocale;
  }

  function currentKey() { return $('template-kind').value + '/' + $('template-locale').value; }

  function showTemplate() {
    const template = state.templates.get(currentKey());
    if (!template) return;
    $('template-body').value = template.body;
    text('template-state', template.isDefault ? 'Default text' : 'Your text, saved ' + new Date(template.updatedAt).toLocaleString());
  }

  function storeTemplate(template) {
    state.templates.set(template.kind + '/' + template.locale, template);
    showTemplate();
  }

  async function loadTemplates() {
    const answer = await api('GET', '/api/templates');
    for (const template of answer.templates) state.templates.set(template.kind + '/' + template.locale, template);
    text('template-variables', 'Variables: ' + answer.variables.map((name) => '{' + name + '}').join(' '));
    showTemplate();
  }

  function cell(content) {
    const el = document.createElement('s-table-cell');
    if (content instanceof Node) el.append(content); else el.textContent = content == null ? '—' : String(content);
    return el;
  }

  function badge(status) {
    const el = document.createElement('s-badge');
    el.setAttribute('tone', TONES[status] || 'neutral');
    el.textContent = status;
    return el;
  }

  function messageRow(item) {
    const row = document.createElement('s-table-row');
    const status = item.gatewayStatus || item.status;
    row.append(
      cell(item.orderName),
      cell(KINDS[item.kind] || item.kind),
      cell(item.phone),
      cell(badge(status)),
      cell(item.reason),
      cell(new Date(item.createdAt).toLocaleString()),
    );
    return row;
  }

  async function loadMessages(more) {
    const query = more && state.next ? '?before=' + encodeURIComponent(state.next) : '';
    const page = await api('GET', '/api/messages' + query);
    const body = $('messages-body');
    if (!more) body.replaceChildren();
    body.append(...page.items.map(messageRow));
    state.next = page.next;
    $('messages-empty').hidden = body.childElementCount > 0;
    $('messages-more').hidden = !page.next;
  }

  function settingsChanged(patch) {
    return api('PUT', '/api/settings', patch).then(() => toast('Settings saved'), fail);
  }

  function wire() {
    $('connect').addEventListener('click', () => busy($('connect'), async () => {
      const input = { apiKey: $('api-key').value.trim(), senderId: $('sender-id').value.trim() };
      const baseUrl = $('base-url').value.trim();
      if (baseUrl) input.baseUrl = baseUrl;
      const answer = await api('PUT', '/api/connection', input);
      $('api-key').value = '';
      renderConnection(answer.connection);
      for (const warning of answer.warnings) toast(warning, true);
      toast('Connected to Karvon');
      await loadOverview();
    }));
    $('disconnect').addEventListener('click', () => busy($('disconnect'), async () => {
      await api('DELETE', '/api/connection');
      renderConnection(null);
      text('balance', 'Connect an account to see its balance.');
      toast('Disconnected');
    }));
    for (const kind of Object.keys(KINDS)) {
      const toggle = $('enabled-' + kind);
      toggle.addEventListener('change', () => settingsChanged({ enabled: { [kind]: toggle.checked } }));
    }
    $('default-locale').addEventListener('change', () => settingsChanged({ defaultLocale: $('default-locale').value }));
    $('template-kind').addEventListener('change', showTemplate);
    $('template-locale').addEventListener('change', showTemplate);
    $('template-save').addEventListener('click', () => busy($('template-save'), async () => {
      const answer = await api('PUT', '/api/templates/' + currentKey(), { body: $('template-body').value });
      storeTemplate(answer.template);
      toast('Template saved');
    }));
    $('template-reset').addEventListener('click', () => busy($('template-reset'), async () => {
      const answer = await api('DELETE', '/api/templates/' + currentKey());
      storeTemplate(answer.template);
      toast('Back to the default text');
    }));
    $('template-preview').addEventListener('click', () => busy($('template-preview'), async () => {
      const answer = await api('POST', '/api/templates/preview', {
        kind: $('template-kind').value, locale: $('template-locale').value, body: $('template-body').value,
      });
      const preview = answer.preview;
      text('preview-text', preview.text);
      text('preview-meta', preview.segments === null ? preview.gatewayError
        : preview.segments + (preview.segments === 1 ? ' segment' : ' segments') + ' · ' + preview.encoding +
          (preview.price ? ' · ' + preview.price.display : ''));
    }));
    $('test-send').addEventListener('click', () => busy($('test-send'), async () => {
      const answer = await api('POST', '/api/test-send', {
        phone: $('test-phone').value, kind: $('template-kind').value, locale: $('template-locale').value,
      });
      toast('Test message ' + answer.status + ' to ' + answer.phone);
    }));
    $('messages-more').addEventListener('click', () => busy($('messages-more'), () => loadMessages(true)));
    $('messages-refresh').addEventListener('click', () => busy($('messages-refresh'), () => loadMessages(false)));
  }

  wire();
  for (const load of [loadOverview, loadTemplates, () => loadMessages(false)]) {
    load().catch((error) => {
      if (error.status === 0) text('connection-status', error.message);
      fail(error);
    });
  }
})();
`;
