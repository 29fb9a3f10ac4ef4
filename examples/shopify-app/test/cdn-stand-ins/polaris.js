// Test stand-in for https://cdn.shopify.com/shopifycloud/polaris-1.js, served by page.route in
// test/admin-page.browser.test.ts. It defines just enough of the Polaris web components the admin
// page uses to render them and drive them the way a merchant would: form controls live in an open
// shadow root with a real <label>, expose `value` / `checked` / `error` / `loading` / `disabled`
// properties, and fire `input` and `change` on the host, as the real components do.
(() => {
  const style = document.createElement('style');
  style.textContent = `
    body { margin: 0; background: #f1f1f1; color: #303030; font: 14px/1.45 system-ui, sans-serif; }
    s-page { display: block; max-width: 980px; margin: 0 auto; padding: 20px 16px; }
    s-section { display: block; background: #fff; border-radius: 12px; padding: 16px; margin-bottom: 16px; box-shadow: 0 1px 0 #1a1a1a12, 0 0 0 1px #1a1a1a0d; }
    s-stack { display: flex; flex-direction: column; gap: 12px; }
    s-stack[direction="inline"] { flex-direction: row; flex-wrap: wrap; align-items: flex-end; }
    s-paragraph { display: block; margin: 0; }
    s-text { display: inline; }
    s-text[tone="neutral"] { color: #616161; }
    s-box { display: block; }
    s-box[padding="base"] { padding: 12px; }
    s-box[background="subdued"] { background: #f7f7f7; border-radius: 8px; }
    s-option { display: none; }
    s-table { display: table; width: 100%; border-collapse: collapse; margin: 8px 0; }
    s-table-header-row, s-table-row { display: table-row; }
    s-table-body { display: table-row-group; }
    s-table-header, s-table-cell { display: table-cell; padding: 6px 8px; border-bottom: 1px solid #e3e3e3; text-align: left; }
    s-table-header { font-weight: 600; }
    s-badge { display: inline-block; padding: 0 8px; border-radius: 8px; background: #e3e3e3; font-size: 12px; }
    s-badge[tone="success"] { background: #cdfee1; } s-badge[tone="critical"] { background: #fedad9; }
    s-badge[tone="info"] { background: #e0f0ff; } s-badge[tone="warning"] { background: #fff1c2; }
  `;
  document.head.append(style);

  const FIELD_CSS = `
    :host { display: block; min-width: 220px; }
    label { display: block; margin-bottom: 4px; }
    input:not([type=checkbox]), textarea, select { box-sizing: border-box; width: 100%; font: inherit; padding: 6px 10px; border: 1px solid #8a8a8a; border-radius: 8px; background: #fff; }
    textarea { resize: vertical; }
    .details { color: #616161; font-size: 12px; }
    .error { color: #8e1f0b; font-size: 12px; }
    .error:empty, .details:empty { display: none; }
  `;

  function reflect(proto, names) {
    for (const name of names) {
      Object.defineProperty(proto, name, {
        get() {
          return this.getAttribute(name) ?? '';
        },
        set(value) {
          if (value === null || value === undefined || value === '') this.removeAttribute(name);
          else this.setAttribute(name, String(value));
        },
      });
    }
  }
  function reflectBoolean(proto, names) {
    for (const name of names) {
      Object.defineProperty(proto, name, {
        get() {
          return this.hasAttribute(name);
        },
        set(value) {
          this.toggleAttribute(name, Boolean(value));
        },
      });
    }
  }

  class Heading extends HTMLElement {
    static level = 'h2';
    static observedAttributes = ['heading'];
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      this.title_ = document.createElement(this.constructor.level);
      this.title_.style.cssText = `margin:0 0 12px;font-size:${this.constructor.level === 'h1' ? '20px' : '15px'}`;
      root.append(this.title_, document.createElement('slot'));
    }
    attributeChangedCallback() {
      this.title_.textContent = this.getAttribute('heading') || '';
      this.title_.hidden = !this.title_.textContent;
    }
  }
  class Page extends Heading {
    static level = 'h1';
  }
  customElements.define('s-page', Page);
  customElements.define('s-section', class extends Heading {});

  for (const tag of [
    's-stack',
    's-box',
    's-paragraph',
    's-text',
    's-badge',
    's-option',
    's-table',
    's-table-header-row',
    's-table-header',
    's-table-body',
    's-table-row',
    's-table-cell',
  ]) {
    customElements.define(tag, class extends HTMLElement {});
  }

  class Field extends HTMLElement {
    static observedAttributes = [
      'label',
      'placeholder',
      'details',
      'error',
      'disabled',
      'rows',
      'maxlength',
      'type',
      'autocomplete',
    ];
    controlTag() {
      return 'input';
    }
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${FIELD_CSS}</style><label for="control"></label><div class="details"></div><div class="error" role="alert"></div>`;
      this.control = document.createElement(this.controlTag());
      this.control.id = 'control';
      root.querySelector('label').after(this.control);
      // `input` is composed and reaches the host by itself; `change` stops at the shadow root.
      this.control.addEventListener('change', () => this.dispatchEvent(new Event('change', { bubbles: true })));
    }
    attributeChangedCallback(name, _old, value) {
      const root = this.shadowRoot;
      if (name === 'label') root.querySelector('label').textContent = value || '';
      else if (name === 'details') root.querySelector('.details').textContent = value || '';
      else if (name === 'error') {
        root.querySelector('.error').textContent = value || '';
        this.control.setAttribute('aria-invalid', value ? 'true' : 'false');
      } else if (name === 'disabled') this.control.disabled = value !== null;
      else if (value === null) this.control.removeAttribute(name);
      else this.control.setAttribute(name, value);
    }
    get value() {
      return this.control.value;
    }
    set value(value) {
      this.control.value = value ?? '';
    }
  }
  reflect(Field.prototype, ['label', 'placeholder', 'details', 'error']);
  reflectBoolean(Field.prototype, ['disabled']);
  customElements.define('s-text-field', class extends Field {});
  customElements.define(
    's-text-area',
    class extends Field {
      controlTag() {
        return 'textarea';
      }
    },
  );

  class Select extends Field {
    controlTag() {
      return 'select';
    }
    constructor() {
      super();
      // The parser upgrades <s-select> before its <s-option> children exist: follow them as they come.
      new MutationObserver(() => this.readOptions()).observe(this, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    }
    connectedCallback() {
      this.readOptions();
    }
    readOptions() {
      const current = this.control.value || this.getAttribute('value');
      const options = [...this.querySelectorAll('s-option')].map(
        (option) => new Option(option.textContent, option.getAttribute('value')),
      );
      this.control.replaceChildren(...options);
      if (current && options.some((option) => option.value === current)) this.control.value = current;
    }
  }
  customElements.define('s-select', Select);

  class Toggle extends HTMLElement {
    static observedAttributes = ['label', 'checked', 'disabled'];
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML =
        '<style>:host{display:block} label{display:inline-flex;gap:8px;align-items:center}</style><label><input type="checkbox" role="switch"><span></span></label>';
      this.control = root.querySelector('input');
      this.control.addEventListener('change', () => this.dispatchEvent(new Event('change', { bubbles: true })));
    }
    attributeChangedCallback(name, _old, value) {
      if (name === 'label') this.shadowRoot.querySelector('span').textContent = value || '';
      if (name === 'checked') this.control.checked = value !== null;
      if (name === 'disabled') this.control.disabled = value !== null;
    }
    get checked() {
      return this.control.checked;
    }
    set checked(value) {
      this.control.checked = Boolean(value);
    }
  }
  customElements.define('s-switch', Toggle);
  customElements.define('s-checkbox', class extends Toggle {});

  class Button extends HTMLElement {
    static observedAttributes = ['loading', 'disabled', 'variant', 'tone'];
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>
        :host { display: inline-block; }
        button { font: inherit; padding: 6px 12px; border-radius: 8px; border: 1px solid #8a8a8a; background: #fff; cursor: pointer; }
        :host([variant="primary"]) button { background: #303030; color: #fff; border-color: #303030; }
        :host([tone="critical"]) button { color: #8e1f0b; }
        :host([variant="tertiary"]) button { border-color: transparent; background: transparent; }
        button:disabled { opacity: .5; cursor: default; }
      </style><button type="button"><slot></slot></button>`;
      this.button = root.querySelector('button');
      // A disabled or loading button does nothing, whichever part of it is clicked.
      this.addEventListener(
        'click',
        (event) => {
          if (this.loading || this.disabled) event.stopImmediatePropagation();
        },
        true,
      );
    }
    attributeChangedCallback() {
      this.button.disabled = this.loading || this.disabled;
      this.button.setAttribute('aria-busy', this.loading ? 'true' : 'false');
    }
  }
  reflectBoolean(Button.prototype, ['loading', 'disabled']);
  customElements.define('s-button', Button);
})();
