import { KarvonError } from '../errors/karvon-error';
import { readInternal } from '../internal/internal-options';
import { isBrowser } from '../internal/is-browser';
import { Transport } from '../internal/transport';
import type { KarvonOptions } from './client-options';
import { ApiKeys } from './resources/api-keys';
import { BalanceResource } from './resources/balance';
import { Consents } from './resources/consents';
import { Events } from './resources/events';
import { HealthResource } from './resources/health';
import { Messages } from './resources/messages';
import { OptOuts } from './resources/opt-outs';
import { Privacy } from './resources/privacy';
import { Senders } from './resources/senders';
import { Templates } from './resources/templates';
import { WebhookEndpoints } from './resources/webhook-endpoints';

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
  readonly apiKeys: ApiKeys;
  readonly senders: Senders;
  readonly optOuts: OptOuts;
  readonly consents: Consents;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly events: Events;
  readonly privacy: Privacy;
  readonly health: HealthResource;

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
    this.apiKeys = new ApiKeys(transport);
    this.senders = new Senders(transport);
    this.optOuts = new OptOuts(transport);
    this.consents = new Consents(transport);
    this.webhookEndpoints = new WebhookEndpoints(transport);
    this.events = new Events(transport);
    this.privacy = new Privacy(transport);
    this.health = new HealthResource(transport);
  }
}
