import { KarvonError } from '../errors/karvon-error';
import { readInternal } from '../internal/internal-options';
import { isBrowser } from '../internal/is-browser';
import { Transport } from '../internal/transport';
import type { KarvonOptions } from './client-options';
import { BalanceResource } from './resources/balance';
import { Messages } from './resources/messages';
import { Templates } from './resources/templates';

/**
 * The Karvon API client.
 *
 * ```ts
 * const karvon = new Karvon({ apiKey: 'kv_test_…', baseUrl: 'https://sms.example.com' });
 * const { results } = await karvon.messages.send({ to: '+998901234567', body: 'Hello' });
 * ```
 */
export class Karvon {
  readonly messages: Messages;
  readonly templates: Templates;
  readonly balance: BalanceResource;

  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly maxRetries: number;
  readonly timeoutMs: number;

  constructor(options: KarvonOptions) {
    if (options.apiKey === undefined || options.apiKey === '') {
      throw new KarvonError('Missing apiKey: pass a kv_live_/kv_test_ key or a token provider function');
    }
    if (!options.baseUrl) {
      throw new KarvonError('Missing baseUrl: pass the URL of your Karvon gateway');
    }
    if (typeof options.apiKey === 'string' && isBrowser() && options.dangerouslyAllowBrowser !== true) {
      throw new KarvonError(
        'Refusing to use a secret API key in a browser: anyone who opens the page can read it. ' +
          'Call Karvon from your server, or pass an apiKey function that fetches a short-lived token, ' +
          'or set dangerouslyAllowBrowser: true if you understand the risk.',
      );
    }
    const transport = new Transport(options, readInternal(options));
    this.baseUrl = transport.baseUrl;
    this.apiVersion = transport.apiVersion;
    this.maxRetries = transport.maxRetries;
    this.timeoutMs = transport.timeoutMs;
    this.messages = new Messages(transport);
    this.templates = new Templates(transport);
    this.balance = new BalanceResource(transport);
  }
}
