import { describe, expect, it } from 'vitest';
import { kannelConfig } from './kannel-config.mjs';

const settings = {
  directory: '/tmp/karvon-kannel-x',
  adminPort: 20000,
  adminPassword: 'admin-secret',
  smsboxPort: 20001,
  sendsmsPort: 20002,
  smsc: { host: '127.0.0.1', port: 2775, systemId: 'kannelbench', password: 'kb3nch', window: 256 },
  user: { username: 'bench', password: 'user-secret' },
};

/** The config as { group name → [variables] }, one entry per group in order. */
function parse(text) {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const entries = block.split('\n').map((line) => {
        const [key, ...rest] = line.split(' = ');
        return [key, rest.join(' = ').replace(/^"(.*)"$/, '$1')];
      });
      return Object.fromEntries(entries);
    });
}

describe('kannelConfig', () => {
  const groups = parse(kannelConfig(settings));
  const group = (name) => groups.find((g) => g.group === name);

  it('binds every listener to 127.0.0.1 on the given ports', () => {
    expect(group('core')).toMatchObject({
      'admin-port': '20000',
      'admin-interface': '127.0.0.1',
      'smsbox-port': '20001',
      'smsbox-interface': '127.0.0.1',
    });
    expect(group('smsbox')).toMatchObject({ 'sendsms-port': '20002', 'sendsms-interface': '127.0.0.1' });
  });

  it('keeps the queue and the delivery reports in memory', () => {
    const core = group('core');
    expect(core['dlr-storage']).toBe('internal');
    expect(core).not.toHaveProperty('store-type');
    expect(core).not.toHaveProperty('store-file');
    expect(core).not.toHaveProperty('store-location');
  });

  it('connects one SMPP transceiver to the simulator with the window as max-pending-submits', () => {
    expect(groups.filter((g) => g.group === 'smsc')).toHaveLength(1);
    expect(group('smsc')).toMatchObject({
      smsc: 'smpp',
      host: '127.0.0.1',
      port: '2775',
      'transceiver-mode': 'true',
      'smsc-username': 'kannelbench',
      'smsc-password': 'kb3nch',
      'max-pending-submits': '256',
    });
  });

  it('lets the sendsms user send one-part messages only', () => {
    expect(group('sendsms-user')).toMatchObject({
      username: 'bench',
      password: 'user-secret',
      'max-messages': '1',
      concatenation: 'false',
    });
  });

  it('refuses a value that would break out of its quotes', () => {
    expect(() => kannelConfig({ ...settings, adminPassword: 'a"b' })).toThrow(/quotes or newlines/);
    expect(() => kannelConfig({ ...settings, user: { username: 'x', password: 'a\nb' } })).toThrow(
      /quotes or newlines/,
    );
  });
});
