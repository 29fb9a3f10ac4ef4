import { readFileSync } from 'node:fs';
import { COMPLIANCE_TOPICS, HANDLED_WEBHOOK_TOPICS, SHOPIFY_ADMIN_API_VERSION } from '@karvon/shopify';
import { describe, expect, it } from 'vitest';
import { parseTomlSubset, type TomlTable } from './support/parse-toml-subset';

const toml = parseTomlSubset(readFileSync(new URL('../shopify.app.toml', import.meta.url), 'utf8'));
const webhooks = toml.webhooks as TomlTable;
const subscriptions = webhooks.subscriptions as TomlTable[];
const topicsOf = (key: 'topics' | 'compliance_topics') =>
  subscriptions.flatMap((subscription) => (subscription[key] as string[] | undefined) ?? []);

describe('shopify.app.toml', () => {
  it('subscribes webhooks in the Admin API version the library speaks', () => {
    expect(webhooks.api_version).toBe(SHOPIFY_ADMIN_API_VERSION);
  });

  it('subscribes exactly the topics the library has handlers for, each once', () => {
    const topics = topicsOf('topics');
    expect(new Set(topics).size).toBe(topics.length);
    expect([...topics].sort()).toEqual([...HANDLED_WEBHOOK_TOPICS].sort());
  });

  it('declares the three mandatory compliance topics', () => {
    expect([...topicsOf('compliance_topics')].sort()).toEqual([...COMPLIANCE_TOPICS].sort());
  });

  it('sends every webhook to the one route the server verifies', () => {
    expect(subscriptions.map((subscription) => subscription.uri)).toEqual(subscriptions.map(() => '/webhooks/shopify'));
  });

  it('is an embedded app asking only for the scopes it uses', () => {
    expect(toml.embedded).toBe(true);
    expect((toml.access_scopes as TomlTable).scopes).toBe('read_orders,read_customers,write_customers');
    expect(typeof toml.client_id).toBe('string');
    expect(toml.application_url).toMatch(/^https:\/\//);
    expect((toml.auth as TomlTable).redirect_urls).toEqual([expect.stringMatching(/^https:\/\//)]);
  });
});

describe('parseTomlSubset', () => {
  it('reads tables, arrays of tables, multi-line arrays and comments', () => {
    expect(
      parseTomlSubset(
        'a = "x # not a comment" # a comment\n[t.u]\nb = [\n  1,\n  "two",\n]\n[[list]]\nc = true\n[[list]]\nc = false',
      ),
    ).toEqual({ a: 'x # not a comment', t: { u: { b: [1, 'two'] } }, list: [{ c: true }, { c: false }] });
  });

  it('refuses what it does not understand instead of misreading it', () => {
    expect(() => parseTomlSubset("a = 'literal'")).toThrow(/line 1/);
    expect(() => parseTomlSubset('a = 1\na = 2')).toThrow(/defined twice/);
    expect(() => parseTomlSubset('x = { inline = true }')).toThrow(/unsupported value/);
  });
});
