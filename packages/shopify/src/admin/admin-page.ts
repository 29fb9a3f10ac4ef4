import { TEMPLATE_VARIABLES } from '../notifications/default-templates';
import { ADMIN_PAGE_SCRIPT } from './admin-page-script';
import { MAX_TEMPLATE_LENGTH } from './template-routes';

/** Where App Bridge and Polaris come from; Shopify requires both from its CDN, never bundled. */
export const APP_BRIDGE_URL = 'https://cdn.shopify.com/shopifycloud/app-bridge.js';
/** The stable channel of Polaris web components 1.x, as shopify.dev recommends for production. */
export const POLARIS_URL = 'https://cdn.shopify.com/shopifycloud/polaris-1.js';

export interface AdminPageOptions {
  /** The app's client id (`shopify-api-key` meta tag): App Bridge reads it to connect to the admin. */
  apiKey: string;
  /** The shop the page is rendered for, shown under the title. */
  shop?: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const kindOptions = [
  ['order_confirmation', 'Order confirmation'],
  ['shipping', 'Shipping'],
  ['cancellation', 'Cancellation'],
  ['abandoned_checkout', 'Abandoned checkout (marketing)'],
] as const;
const localeOptions = [
  ['en', 'English'],
  ['ru', 'Русский'],
  ['uz', 'Oʻzbekcha'],
] as const;

const options = (list: readonly (readonly [string, string])[]) =>
  list.map(([value, label]) => `<s-option value="${value}">${label}</s-option>`).join('');

// Layout stability (CLS ≤ 0.1): every slot that fills after the first paint has its height
// reserved here, lists grow at the bottom of the page, and buttons that appear later are new
// elements (they shift nothing). `[hidden]` wins over a component's own `display`.
const STYLE = `
[hidden] { display: none !important; }
.slot { display: block; }
.line { min-height: 1.5rem; }
.status { min-height: 3rem; }
.preview { min-height: 4.5rem; }
.log { min-height: 22rem; }
`;

/**
 * The embedded admin page: one small HTML document with App Bridge and Polaris web components from
 * Shopify's CDN and an inline script (ADMIN_PAGE_SCRIPT) that talks to the admin JSON API. No data
 * is fetched before the first paint: the markup paints at once, then the slots fill in.
 */
export function renderAdminPage({ apiKey, shop }: AdminPageOptions): string {
  const kindSwitches = kindOptions
    .map(([kind, label]) => `<s-switch id="enabled-${kind}" label="${label}"></s-switch>`)
    .join('\n        ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="shopify-api-key" content="${escapeHtml(apiKey)}">
  <title>Karvon SMS</title>
  <script src="${APP_BRIDGE_URL}"></script>
  <script src="${POLARIS_URL}"></script>
  <style>${STYLE}</style>
</head>
<body>
  <s-page heading="Karvon SMS">
    <s-section heading="Connection">
      <s-paragraph id="connection-status" class="slot status">${shop ? `${escapeHtml(shop)}: loading…` : 'Loading…'}</s-paragraph>
      <s-stack gap="base">
        <s-text-field id="api-key" label="Karvon API key" autocomplete="off" placeholder="kv_live_…"></s-text-field>
        <s-text-field id="sender-id" label="Sender ID" details="Up to 11 letters and digits, approved on your Karvon account"></s-text-field>
        <s-text-field id="base-url" label="Gateway URL" details="Leave empty for the default gateway" autocomplete="off"></s-text-field>
        <s-stack direction="inline" gap="base">
          <s-button id="connect" variant="primary">Connect</s-button>
          <s-button id="disconnect" tone="critical" disabled>Disconnect</s-button>
        </s-stack>
      </s-stack>
    </s-section>
    <s-section heading="Balance">
      <s-text id="balance" class="slot line">…</s-text>
    </s-section>
    <s-section heading="Notifications">
      <s-stack gap="base">
        ${kindSwitches}
        <s-select id="default-locale" label="Language when the customer’s is not English, Russian or Uzbek">${options(localeOptions)}</s-select>
      </s-stack>
    </s-section>
    <s-section heading="Templates">
      <s-stack gap="base">
        <s-stack direction="inline" gap="base">
          <s-select id="template-kind" label="Notification">${options(kindOptions)}</s-select>
          <s-select id="template-locale" label="Language">${options(localeOptions)}</s-select>
        </s-stack>
        <s-text-area id="template-body" label="Message" rows="4" maxlength="${MAX_TEMPLATE_LENGTH}"></s-text-area>
        <s-text id="template-state" class="slot line" tone="neutral"></s-text>
        <s-paragraph id="template-variables" class="slot line">Variables: ${TEMPLATE_VARIABLES.map((name) => `{${name}}`).join(' ')}</s-paragraph>
        <s-stack direction="inline" gap="base">
          <s-button id="template-save" variant="primary">Save</s-button>
          <s-button id="template-preview">Preview</s-button>
          <s-button id="template-reset" variant="tertiary">Reset to default</s-button>
        </s-stack>
        <s-box class="slot preview" padding="base" background="subdued" border-radius="base">
          <s-paragraph id="preview-text">Preview renders the text with a sample order and shows its segments and price.</s-paragraph>
          <s-text id="preview-meta" tone="neutral"></s-text>
        </s-box>
      </s-stack>
    </s-section>
    <s-section heading="Test message">
      <s-stack direction="inline" gap="base">
        <s-text-field id="test-phone" label="Phone number" type="tel" placeholder="+998 90 123 45 67" autocomplete="tel"></s-text-field>
        <s-button id="test-send">Send the selected template</s-button>
      </s-stack>
    </s-section>
    <s-section heading="Message log">
      <s-button id="messages-refresh" variant="tertiary">Refresh</s-button>
      <div class="slot log">
        <s-table>
          <s-table-header-row>
            <s-table-header>Order</s-table-header>
            <s-table-header>Notification</s-table-header>
            <s-table-header>Phone</s-table-header>
            <s-table-header>Status</s-table-header>
            <s-table-header>Reason</s-table-header>
            <s-table-header>Time</s-table-header>
          </s-table-header-row>
          <s-table-body id="messages-body"></s-table-body>
        </s-table>
        <s-paragraph id="messages-empty">No messages yet. They appear here as orders come in.</s-paragraph>
        <s-button id="messages-more" hidden>Load older</s-button>
      </div>
    </s-section>
  </s-page>
  <script>${ADMIN_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
