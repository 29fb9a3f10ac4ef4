import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowed, parseIpAllowlist } from './ip-allowlist';

function parse(entries: string[]) {
  const result = parseIpAllowlist(entries);
  if (!result.ok) throw new Error(`unexpected ${result.reason} at ${result.index}`);
  return result.list;
}

describe('parseIpAllowlist', () => {
  it('accepts IPv4 and IPv6 CIDRs and bare addresses, normalising to the network', () => {
    const list = parse(['192.0.2.0/24', '10.1.2.3/8', '203.0.113.7', '2001:db8::/32', '2001:DB8::1']);
    expect(list.map((r) => r.cidr)).toEqual([
      '192.0.2.0/24',
      '10.0.0.0/8',
      '203.0.113.7/32',
      '2001:db8::/32',
      '2001:db8::1/128',
    ]);
  });

  it('reports the index of the first invalid entry and why', () => {
    expect(parseIpAllowlist(['10.0.0.0/8', '300.1.1.1'])).toEqual({
      ok: false,
      index: 1,
      entry: '300.1.1.1',
      reason: 'invalid_address',
    });
    expect(parseIpAllowlist(['10.0.0.0/33'])).toMatchObject({ index: 0, reason: 'invalid_prefix_length' });
    expect(parseIpAllowlist(['::/129'])).toMatchObject({ reason: 'invalid_prefix_length' });
    expect(parseIpAllowlist(['10.0.0.0/-1'])).toMatchObject({ reason: 'invalid_prefix_length' });
    expect(parseIpAllowlist(['10.0.0.0/'])).toMatchObject({ reason: 'invalid_prefix_length' });
    expect(parseIpAllowlist(['fe80::1%eth0'])).toMatchObject({ reason: 'zone_id_not_allowed' });
    for (const bad of [
      '',
      'localhost',
      '127.1',
      '0x7f.0.0.1',
      '010.0.0.1',
      '1.2.3',
      '1.2.3.4.5',
      '::g',
      '1::2::3',
      '10.0.0.0/8/8',
    ]) {
      expect(parseIpAllowlist([bad]).ok, bad).toBe(false);
    }
  });
});

describe('isAllowed', () => {
  it('allows everything when the list is empty', () => {
    expect(isAllowed([], '203.0.113.1')).toBe(true);
    expect(isAllowed([], 'garbage')).toBe(true);
  });

  it('allows addresses inside a range and refuses others', () => {
    const list = parse(['192.0.2.0/24', '2001:db8::/32']);
    expect(isAllowed(list, '192.0.2.200')).toBe(true);
    expect(isAllowed(list, '192.0.3.1')).toBe(false);
    expect(isAllowed(list, '2001:db8:ffff::1')).toBe(true);
    expect(isAllowed(list, '2001:db9::1')).toBe(false);
    expect(isAllowed(list, 'not an ip')).toBe(false);
  });

  it('reads IPv4-mapped IPv6 clients as IPv4, and mapped ranges as IPv4 ranges', () => {
    expect(isAllowed(parse(['192.0.2.0/24']), '::ffff:192.0.2.9')).toBe(true);
    expect(isAllowed(parse(['192.0.2.0/24']), '::ffff:c000:0209')).toBe(true);
    expect(isAllowed(parse(['::ffff:192.0.2.0/120']), '192.0.2.9')).toBe(true);
    expect(isAllowed(parse(['::ffff:192.0.2.0/120']), '192.0.3.9')).toBe(false);
  });

  it('never lets IPv4 match an IPv6 range or the reverse', () => {
    expect(isAllowed(parse(['::/0']), '192.0.2.1')).toBe(false);
    expect(isAllowed(parse(['0.0.0.0/0']), '2001:db8::1')).toBe(false);
    expect(isAllowed(parse(['0.0.0.0/0']), '::ffff:8.8.8.8')).toBe(true);
  });

  it('matches an IPv4 address exactly when its first prefix bits equal the network (property)', () => {
    const toInt = (o: number[]) => ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
    const octets = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(octets, octets, fc.integer({ min: 0, max: 32 }), (net, ip, prefix) => {
        const list = parse([`${net.join('.')}/${prefix}`]);
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        const expected = (toInt(net) & mask) >>> 0 === (toInt(ip) & mask) >>> 0;
        expect(isAllowed(list, ip.join('.'))).toBe(expected);
        // The network address itself is always inside its own range.
        expect(isAllowed(list, net.join('.'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('always contains the address a range was written from, in any IPv6 notation (property)', () => {
    // Dotted IPv6 forms other than ::ffff:a.b.c.d are refused (see parseAddress).
    const v6 = fc.ipV6().filter((a) => !a.includes('.') || /(?:^|:)ffff:[0-9.]+$/i.test(a));
    fc.assert(
      fc.property(v6, fc.integer({ min: 0, max: 128 }), (address, prefix) => {
        expect(isAllowed(parse([`${address}/${prefix}`]), address)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('matches a /128 or /32 only for the same address (property)', () => {
    const any = fc
      .oneof(fc.ipV4(), fc.ipV6())
      .filter((a) => !a.includes('.') || !a.includes(':') || /(?:^|:)ffff:[0-9.]+$/i.test(a));
    fc.assert(
      fc.property(any, any, (a, b) => {
        const same = parse([a])[0]!.cidr === parse([b])[0]!.cidr;
        expect(isAllowed(parse([a]), b)).toBe(same);
      }),
      { numRuns: 500 },
    );
  });
});
