import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, type HostResolver, isForbiddenAddress } from './endpoint-url-policy';

const PUBLIC_V4 = '93.184.215.14';
const PUBLIC_V6 = '2606:2800:21f:cb07:6820:80da:af6b:8b2c';

const resolver =
  (table: Record<string, string[]>): HostResolver =>
  async (host) => {
    const answers = table[host];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const dns = resolver({
  'hooks.example.com': [PUBLIC_V4, PUBLIC_V6],
  'rebind.example.com': [PUBLIC_V4, '10.0.0.7'],
  'metadata.example.com': ['169.254.169.254'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
  'empty.example.com': [],
  localhost: ['127.0.0.1', '::1'],
});

describe('checkEndpointUrl', () => {
  it('accepts an https URL whose every address is public', async () => {
    expect(await checkEndpointUrl('https://hooks.example.com/karvon?x=1', { resolve: dns })).toEqual({
      ok: true,
      url: 'https://hooks.example.com/karvon?x=1',
      addresses: [PUBLIC_V4, PUBLIC_V6],
    });
    expect(await checkEndpointUrl(`https://${PUBLIC_V4}:8443/h`, { resolve: dns })).toMatchObject({ ok: true });
    expect(await checkEndpointUrl(`https://[${PUBLIC_V6}]/h`, { resolve: dns })).toMatchObject({ ok: true });
  });

  it('refuses http unless the operator allows it', async () => {
    expect(await checkEndpointUrl('http://hooks.example.com/', { resolve: dns })).toMatchObject({
      ok: false,
      reason: 'insecure_scheme',
    });
    expect(await checkEndpointUrl('http://hooks.example.com/', { resolve: dns, allowHttp: true })).toMatchObject({
      ok: true,
    });
  });

  it('refuses other schemes, credentials, garbage and overlong URLs', async () => {
    for (const [url, reason] of [
      ['ftp://hooks.example.com/', 'unsupported_scheme'],
      ['file:///etc/passwd', 'unsupported_scheme'],
      ['javascript:alert(1)', 'unsupported_scheme'],
      ['https://user:pass@hooks.example.com/', 'credentials_in_url'],
      ['https://token@hooks.example.com/', 'credentials_in_url'],
      ['not a url', 'invalid_url'],
      ['/relative', 'invalid_url'],
      [`https://hooks.example.com/${'a'.repeat(2100)}`, 'too_long'],
    ] as const) {
      expect(await checkEndpointUrl(url, { resolve: dns }), url).toMatchObject({ ok: false, reason });
    }
  });

  it('refuses literal private, loopback, link-local, CGNAT, ULA, unspecified and multicast addresses', async () => {
    const cases: Array<[string, string]> = [
      ['https://10.1.2.3/', 'private'],
      ['https://172.16.0.1/', 'private'],
      ['https://192.168.1.1/', 'private'],
      ['https://127.0.0.1/', 'loopback'],
      ['https://127.1/', 'loopback'],
      ['https://0x7f000001/', 'loopback'],
      ['https://2130706433/', 'loopback'],
      ['https://169.254.169.254/latest/meta-data/', 'linkLocal'],
      ['https://100.64.0.1/', 'carrierGradeNat'],
      ['https://[fc00::1]/', 'uniqueLocal'],
      ['https://[fd12:3456::1]/', 'uniqueLocal'],
      ['https://[::1]/', 'loopback'],
      ['https://[fe80::1]/', 'linkLocal'],
      ['https://0.0.0.0/', 'unspecified'],
      ['https://[::]/', 'unspecified'],
      ['https://224.0.0.1/', 'multicast'],
      ['https://[ff02::1]/', 'multicast'],
      ['https://[::ffff:10.0.0.1]/', 'private'],
      ['https://[::ffff:169.254.169.254]/', 'linkLocal'],
      ['https://[::127.0.0.1]/', 'ipv4Compatible'],
      ['https://[::a00:1]/', 'ipv4Compatible'],
    ];
    for (const [url, range] of cases) {
      expect(await checkEndpointUrl(url, { resolve: dns }), url).toMatchObject({
        ok: false,
        reason: 'forbidden_address',
        range,
      });
    }
  });

  it('checks every DNS answer, refusing rebinding to a private address', async () => {
    expect(await checkEndpointUrl('https://rebind.example.com/', { resolve: dns })).toMatchObject({
      ok: false,
      reason: 'forbidden_address',
      address: '10.0.0.7',
      range: 'private',
    });
    expect(await checkEndpointUrl('https://metadata.example.com/', { resolve: dns })).toMatchObject({
      range: 'linkLocal',
    });
    expect(await checkEndpointUrl('https://mapped.example.com/', { resolve: dns })).toMatchObject({
      range: 'loopback',
    });
    expect(await checkEndpointUrl('https://localhost:3000/', { resolve: dns })).toMatchObject({
      reason: 'forbidden_address',
    });
  });

  it('refuses names that do not resolve, resolve to nothing or time out', async () => {
    expect(await checkEndpointUrl('https://nowhere.example.com/', { resolve: dns })).toMatchObject({
      reason: 'dns_lookup_failed',
    });
    expect(await checkEndpointUrl('https://empty.example.com/', { resolve: dns })).toMatchObject({
      reason: 'no_addresses',
    });
    const hang: HostResolver = () => new Promise(() => {});
    expect(await checkEndpointUrl('https://slow.example.com/', { resolve: hang, dnsTimeoutMs: 20 })).toMatchObject({
      reason: 'dns_lookup_failed',
    });
  });

  it('allows private and loopback targets in local development, but never unspecified or multicast', async () => {
    const dev = { resolve: dns, allowHttp: true, allowPrivateAddresses: true };
    expect(await checkEndpointUrl('http://localhost:3000/hooks', dev)).toMatchObject({ ok: true });
    expect(await checkEndpointUrl('http://10.0.0.2/', dev)).toMatchObject({ ok: true });
    expect(await checkEndpointUrl('http://0.0.0.0/', dev)).toMatchObject({ range: 'unspecified' });
    expect(await checkEndpointUrl('http://224.0.0.1/', dev)).toMatchObject({ range: 'multicast' });
  });

  it('uses the system resolver by default (localhost is loopback)', async () => {
    expect(await checkEndpointUrl('https://localhost/')).toMatchObject({ ok: false, reason: 'forbidden_address' });
  });

  it('never throws and never accepts a private IPv4 literal (property)', async () => {
    const octet = fc.integer({ min: 0, max: 255 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(10), fc.constant(127)), octet, octet, octet, async (a, b, c, d) => {
        const result = await checkEndpointUrl(`https://${a}.${b}.${c}.${d}/`, { resolve: dns });
        expect(result.ok).toBe(false);
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), async (s) => {
        const result = await checkEndpointUrl(s, { resolve: dns });
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('isForbiddenAddress', () => {
  it('names the range of a forbidden address and passes public unicast', () => {
    expect(isForbiddenAddress(PUBLIC_V4)).toBeUndefined();
    expect(isForbiddenAddress(PUBLIC_V6)).toBeUndefined();
    expect(isForbiddenAddress('192.0.2.1')).toBe('reserved');
    expect(isForbiddenAddress('64:ff9b::a00:1')).toBe('rfc6052');
    expect(isForbiddenAddress('2002:a00:1::')).toBe('6to4');
    expect(isForbiddenAddress('nope')).toBe('invalid');
  });
});
