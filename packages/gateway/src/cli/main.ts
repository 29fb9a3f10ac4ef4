#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatMoney } from '@karvon/contract';
import { isScope, ROLES, type Role, SCOPES } from '../accounts/scopes';
import { loadCarrierConfig } from '../carriers/profiles/load-carrier-profiles';
import { loadEnv } from '../config/env';
import type { DeliveryOptions } from '../dispatch/start-delivery';
import { createGateway, openRepository } from '../index';
import { runRetention } from '../jobs/retention';
import { type PriceTable, parsePriceTable } from '../money/pricing';
import { staticPortabilityTable } from '../routing/number-portability';
import { createApiKey, DEMO_ACCOUNT_NAME, ensureDemoAccount } from './demo-account';
import { startDevelopmentSimulator } from './development-simulator';

const USAGE = `Usage: karvon-gateway <command>

Commands:
  start [--with-simulator]   migrate, then serve the API (SQLite under KARVON_DATA_DIR, or DATABASE_URL) and
                             deliver through the carriers in KARVON_CARRIERS_FILE; --with-simulator starts the
                             development carrier simulator beside it when no carriers file is given
  migrate                    create or upgrade the database, then exit
  create-key [--account <id|name>] [--mode live|test] [--role ${ROLES.join('|')}]
             [--scopes a,b] [--name <label>]
                             print a new API key (shown once; only its hash is stored)
  retention --once           redact old bodies and purge old records once, then exit

Environment: PORT (8080), HOST (127.0.0.1), DATABASE_URL, KARVON_DATA_DIR (./data), KARVON_LOG_LEVEL (info),
  KARVON_CARRIERS_FILE, KARVON_PORTABILITY_FILE, KARVON_OPERATOR_TOKEN, KARVON_SIMULATOR_PORT (2775),
  KARVON_BODY_RETENTION_DAYS (30), KARVON_RECORD_RETENTION_DAYS (365); see docs/guides/running-the-gateway.md`;

function fail(message: string): never {
  process.stderr.write(`karvon-gateway: ${message}\n`);
  process.exit(1);
}

function env() {
  const loaded = loadEnv();
  // One line: each bad variable named with what it must be (never its value).
  if (!loaded.ok) fail(`invalid environment: ${loaded.errors.join('; ')}`);
  // A relative KARVON_DATA_DIR is read from where the user ran the command:
  // `npm start` at the repo root runs this in packages/gateway through pnpm,
  // which records the original directory in INIT_CWD.
  return { ...loaded.env, KARVON_DATA_DIR: resolve(process.env.INIT_CWD ?? process.cwd(), loaded.env.KARVON_DATA_DIR) };
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'with-simulator': { type: 'boolean' } } });
  const e = env();
  let delivery: DeliveryOptions | undefined;
  let simulator: { url: string; close(): Promise<void> } | undefined;
  if (e.KARVON_CARRIERS_FILE) {
    try {
      delivery = {
        config: await loadCarrierConfig(resolve(process.env.INIT_CWD ?? process.cwd(), e.KARVON_CARRIERS_FILE)),
      };
    } catch (error) {
      fail((error as Error).message);
    }
  } else if (values['with-simulator']) {
    const started = await startDevelopmentSimulator(e.HOST, e.KARVON_SIMULATOR_PORT).catch((error: Error) =>
      fail(`cannot start the carrier simulator: ${error.message}`),
    );
    simulator = started.simulator;
    delivery = { config: started.config };
  }
  if (delivery && e.KARVON_PORTABILITY_FILE) {
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), e.KARVON_PORTABILITY_FILE);
    try {
      delivery = { ...delivery, portability: staticPortabilityTable(JSON.parse(readFileSync(path, 'utf8'))) };
    } catch (error) {
      fail(`KARVON_PORTABILITY_FILE: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  let priceTable: PriceTable | undefined;
  if (e.KARVON_PRICE_TABLE) {
    try {
      priceTable = parsePriceTable(JSON.parse(e.KARVON_PRICE_TABLE));
    } catch (error) {
      fail(`KARVON_PRICE_TABLE: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const gateway = await createGateway({
    databaseUrl: e.DATABASE_URL,
    dataDir: e.KARVON_DATA_DIR,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.KARVON_LOG_LEVEL,
    bodyLimit: e.KARVON_BODY_LIMIT_BYTES,
    defaultCountry: e.KARVON_DEFAULT_COUNTRY,
    idempotencyTtlMs: e.KARVON_IDEMPOTENCY_TTL_HOURS * 3_600_000,
    rateLimit: { perSecond: e.KARVON_RATE_LIMIT_PER_SECOND, burst: e.KARVON_RATE_LIMIT_BURST },
    retention: { bodyDays: e.KARVON_BODY_RETENTION_DAYS, recordDays: e.KARVON_RECORD_RETENTION_DAYS },
    ...(priceTable ? { priceTable } : {}),
    operatorToken: e.KARVON_OPERATOR_TOKEN,
    allowPrivateWebhookUrls: e.KARVON_ALLOW_PRIVATE_WEBHOOK_URLS === 'true',
    ...(e.KARVON_PUBLIC_URL ? { publicUrl: e.KARVON_PUBLIC_URL } : {}),
    ...(delivery
      ? {
          delivery: {
            ...delivery,
            leaseTtlMs: e.KARVON_CARRIER_LEASE_TTL_MS,
            dispatcher: { leaseMs: e.KARVON_DISPATCH_LEASE_MS },
          },
        }
      : {}),
  }).catch((error: Error & { code?: string }) => {
    if (error.code === 'EADDRINUSE') fail(`PORT ${e.PORT} on ${e.HOST} is in use; set PORT to another value`);
    fail(error.message);
  });

  const lines = [`Karvon gateway listening on ${gateway.url} (${gateway.repository.dialect})`];
  if (simulator) {
    lines.push(`Carrier simulator on ${simulator.url}: live messages are delivered through it over SMPP`);
  } else if (!delivery) {
    lines.push('No carriers configured (KARVON_CARRIERS_FILE): live messages wait queued.');
  }
  if (!e.DATABASE_URL) {
    // Local development: a demo account with money, an approved sender and fresh keys.
    const demo = await ensureDemoAccount(gateway.repository);
    lines.push(
      '',
      `Demo account ${demo.account.id} (${demo.created ? 'created' : 'existing'}), balance ${formatMoney({ amount: (await gateway.repository.accounts.get(demo.account.id))?.balance ?? 0, currency: demo.account.currency })}, sender "${demo.account.defaultSender}"`,
      `  live key: ${demo.live.key}`,
      `  test key: ${demo.test.key}   (never reaches a carrier)`,
      '  Keys are shown once; a restart prints a new pair.',
    );
  }
  lines.push(
    '',
    `  API:     ${gateway.url}`,
    `  Health:  ${gateway.url}/health`,
    `  OpenAPI: ${gateway.url}/openapi.json`,
    '',
    `  curl -H "Authorization: Bearer <key>" ${gateway.url}/balance`,
    `  curl -H "Authorization: Bearer <key>" -H "Content-Type: application/json" \\`,
    `       -d '{"to":"+998901234567","body":"Salom!"}' ${gateway.url}/send`,
    '',
    'Press Ctrl-C to stop.',
  );
  // Handlers first: a supervisor may signal as soon as it reads the banner.

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: closing…\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    gateway
      .close()
      .then(() => simulator?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function migrate(): Promise<void> {
  const e = env();
  const repository = await openRepository({ databaseUrl: e.DATABASE_URL, dataDir: e.KARVON_DATA_DIR });
  await repository.close();
  process.stdout.write(`Database migrated (${repository.dialect}).\n`);
}

async function createKey(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      account: { type: 'string' },
      mode: { type: 'string' },
      role: { type: 'string' },
      scopes: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const scopes = values.scopes
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const unknown = scopes?.filter((x) => !isScope(x)) ?? [];
  if (unknown.length > 0) fail(`--scopes: unknown ${unknown.join(', ')}; known: ${SCOPES.join(', ')}`);
  const mode = values.mode ?? 'live';
  if (mode !== 'live' && mode !== 'test') fail('--mode must be live or test');
  const role = values.role ?? 'admin';
  if (!(ROLES as readonly string[]).includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  const e = env();
  const repository = await openRepository({ databaseUrl: e.DATABASE_URL, dataDir: e.KARVON_DATA_DIR });
  try {
    const ref = values.account ?? DEMO_ACCOUNT_NAME;
    const account = (await repository.accounts.get(ref)) ?? (await repository.accounts.findByName(ref));
    if (!account) fail(`no account "${ref}"; run \`karvon-gateway start\` once to create the demo account`);
    const key = await createApiKey(repository, {
      accountId: account.id,
      mode,
      role: role as Role,
      ...(scopes ? { scopes } : {}),
      name: values.name ?? 'cli',
    });
    process.stdout.write(`${key.key}\n`);
    const granted = scopes ? scopes.join(',') : role;
    process.stderr.write(`Created ${key.id} (${mode}, ${granted}) for ${account.id}. Shown once.\n`);
  } finally {
    await repository.close();
  }
}

async function retention(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { once: { type: 'boolean' } } });
  if (!values.once) fail('retention runs inside `start` on a timer; use `retention --once` to run it now');
  const e = env();
  const repository = await openRepository({ databaseUrl: e.DATABASE_URL, dataDir: e.KARVON_DATA_DIR });
  try {
    const result = await runRetention({
      repository,
      now: Date.now(),
      settings: { bodyDays: e.KARVON_BODY_RETENTION_DAYS, recordDays: e.KARVON_RECORD_RETENTION_DAYS },
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await repository.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'start':
    await start(rest);
    break;
  case 'migrate':
    await migrate();
    break;
  case 'create-key':
    await createKey(rest);
    break;
  case 'retention':
    await retention(rest);
    break;
  case undefined:
  case '-h':
  case '--help':
    process.stdout.write(`${USAGE}\n`);
    break;
  default:
    process.stderr.write(`${USAGE}\n`);
    fail(`unknown command "${command}"`);
}
