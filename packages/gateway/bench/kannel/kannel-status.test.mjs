import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readKannelStatus, waitForKannelStatus } from './kannel-status.mjs';

// The status.xml of Kannel 1.4.5 (Debian 1.4.5-12) as this benchmark runs it, after one message;
// the version block is shortened.
const STATUS_XML = `<?xml version="1.0"?>
<gateway>
<version>Kannel bearerbox version \`1.4.5'.
</version>
<status>running, uptime 0d 0h 0m 9s</status>
	<wdp>
		<received><total>0</total><queued>0</queued></received>
		<sent><total>0</total><queued>0</queued></sent>
	</wdp>
	<sms>
		<received><total>0</total><queued>0</queued></received>
		<sent><total>1</total><queued>0</queued></sent>
		<storesize>-1</storesize>
		<inbound>0.00,0.00,0.00</inbound>
		<outbound>0.12,0.12,0.12</outbound>
		</sms>
	<dlr>
		<received><total>1</total></received>
		<sent><total>0</total></sent>
		<inbound>0.12,0.12,0.12</inbound>
		<outbound>0.00,0.00,0.00</outbound>
		<queued>0</queued>
		<storage>internal</storage>
	</dlr>
<boxes>
	<box>
		<type>smsbox</type>
		<id></id>
		<IP>127.0.0.1</IP>
		<queue>0</queue>
		<status>on-line 0d 0h 0m 8s</status>
		<ssl>no</ssl>
	</box></boxes>
<smscs><count>1</count>
	<smsc>
		<name>SMPP:127.0.0.1:40045/40045:kannelbench:</name>
		<admin-id>simulator</admin-id>
		<id>simulator</id>
		<status>online 9s</status>
		<failed>2</failed>
		<queued>3</queued>
		<sms>
			<received>0</received>
			<sent>41</sent>
			<inbound>0.00,0.00,0.00</inbound>
			<outbound>0.12,0.12,0.12</outbound>
		</sms>
		<dlr>
			<received>40</received>
			<sent>0</sent>
			<inbound>0.12,0.12,0.12</inbound>
			<outbound>0.00,0.00,0.00</outbound>
		</dlr>
	</smsc>
</smscs>
</gateway>
`;

const CONNECTING_XML = STATUS_XML.replace('<status>online 9s</status>', '<status>connecting 0s</status>').replace(
  /<boxes>[\s\S]*<\/boxes>/,
  '<boxes></boxes>',
);

/** A stand-in admin page on loopback serving `pages` in turn (the last one repeats). */
async function fakeAdmin(pages, password = 'pw') {
  let served = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname !== '/cgi-bin/status.xml' || url.searchParams.get('password') !== password) {
      response.writeHead(403).end('Denied');
      return;
    }
    const page = pages[Math.min(served, pages.length - 1)];
    served += 1;
    response.writeHead(200, { 'content-type': 'text/xml' }).end(page);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    served: () => served,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('readKannelStatus', () => {
  let admin;
  afterEach(async () => {
    await admin?.close();
    admin = undefined;
  });

  it("reads the SMSC's state and counters and whether an smsbox is connected", async () => {
    admin = await fakeAdmin([STATUS_XML]);
    expect(await readKannelStatus(admin.port, 'pw')).toEqual({
      smscOnline: true,
      smsboxConnected: true,
      smsSent: 41,
      smscFailed: 2,
      smscQueued: 3,
      dlrReceived: 40,
    });
  });

  it('sees an SMSC still connecting and no smsbox', async () => {
    admin = await fakeAdmin([CONNECTING_XML]);
    expect(await readKannelStatus(admin.port, 'pw')).toMatchObject({ smscOnline: false, smsboxConnected: false });
  });

  it('fails on a wrong password', async () => {
    admin = await fakeAdmin([STATUS_XML]);
    await expect(readKannelStatus(admin.port, 'wrong')).rejects.toThrow(/answered 403/);
  });
});

describe('waitForKannelStatus', () => {
  let admin;
  afterEach(async () => {
    await admin?.close();
    admin = undefined;
  });

  const running = { name: 'bearerbox', running: () => true };

  it('polls until the condition holds', async () => {
    admin = await fakeAdmin([CONNECTING_XML, CONNECTING_XML, STATUS_XML]);
    const status = await waitForKannelStatus({
      adminPort: admin.port,
      password: 'pw',
      boxes: [running],
      until: (s) => s.smscOnline && s.smsboxConnected,
      what: 'SMSC bind',
    });
    expect(status.smscOnline).toBe(true);
    expect(admin.served()).toBe(3);
  });

  it('fails at once when a box has exited', async () => {
    admin = await fakeAdmin([CONNECTING_XML]);
    await expect(
      waitForKannelStatus({
        adminPort: admin.port,
        password: 'pw',
        boxes: [running, { name: 'smsbox', running: () => false }],
        until: () => true,
        what: 'SMSC bind',
      }),
    ).rejects.toThrow('smsbox exited while waiting for SMSC bind');
  });

  it('gives up after the timeout and says what it last saw', async () => {
    admin = await fakeAdmin([CONNECTING_XML]);
    await expect(
      waitForKannelStatus({
        adminPort: admin.port,
        password: 'pw',
        boxes: [running],
        until: (s) => s.smscOnline,
        what: 'SMSC bind',
        timeoutMs: 500,
      }),
    ).rejects.toThrow('no SMSC bind within 500 ms (SMSC not online, smsbox not connected)');
  });
});
