import { describe, expect, it } from 'vitest';
import { sendsmsUrl } from './sendsms-load.mjs';

describe('sendsmsUrl', () => {
  const url = new URL(
    sendsmsUrl({
      port: 13013,
      username: 'bench',
      password: 'p&ss=word',
      to: '+998901234567',
      from: 'KarvonShop',
      text: 'Code 482913 & more',
      dlrUrl: 'http://127.0.0.1:4000/receipts',
    }),
  );

  it("calls smsbox's sendsms on loopback with every parameter encoded", () => {
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:13013/cgi-bin/sendsms');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      username: 'bench',
      password: 'p&ss=word',
      to: '+998901234567',
      from: 'KarvonShop',
      text: 'Code 482913 & more',
    });
  });

  it('asks for the "delivered" report only, with its type in the callback', () => {
    expect(url.searchParams.get('dlr-mask')).toBe('1');
    // Kannel replaces %d with the report type when it calls back.
    expect(url.searchParams.get('dlr-url')).toBe('http://127.0.0.1:4000/receipts?type=%d');
  });
});
