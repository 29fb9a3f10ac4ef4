/**
 * What the bearerbox admin page (`/cgi-bin/status.xml`) says about the one SMSC and the boxes.
 * A few regular expressions are enough: the page is Kannel's fixed template, not arbitrary XML.
 *
 * @returns {Promise<{ smscOnline: boolean, smsboxConnected: boolean, smsSent: number, smscFailed: number,
 *   smscQueued: number, dlrReceived: number }>}
 */
export async function readKannelStatus(adminPort, password) {
  const response = await fetch(
    `http://127.0.0.1:${adminPort}/cgi-bin/status.xml?password=${encodeURIComponent(password)}`,
  );
  if (response.status !== 200) throw new Error(`Kannel status page answered ${response.status}`);
  const xml = await response.text();
  const smsc = xml.match(/<smsc>[\s\S]*?<\/smsc>/)?.[0] ?? '';
  const number = (text, pattern) => Number(text.match(pattern)?.[1] ?? Number.NaN);
  return {
    smscOnline: /<status>online\b/.test(smsc),
    smsboxConnected: /<box>\s*<type>smsbox<\/type>/.test(xml),
    smsSent: number(smsc, /<sms>\s*<received>\d+<\/received>\s*<sent>(\d+)<\/sent>/),
    smscFailed: number(smsc, /<failed>(\d+)<\/failed>/),
    smscQueued: number(smsc, /<queued>(\d+)<\/queued>/),
    dlrReceived: number(smsc, /<dlr>\s*<received>(\d+)<\/received>/),
  };
}

/**
 * Polls the status page until `until(status)` holds, e.g. the SMSC bound and an smsbox connected.
 * Fails early when a box has exited, and after `timeoutMs`.
 *
 * @param {{ adminPort: number, password: string, boxes: Array<{ name: string, running(): boolean }>,
 *   until: (status: Awaited<ReturnType<typeof readKannelStatus>>) => boolean, what: string, timeoutMs?: number }} options
 */
export async function waitForKannelStatus({ adminPort, password, boxes, until, what, timeoutMs = 20_000 }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer from the admin port';
  while (Date.now() < deadline) {
    const stopped = boxes.find((box) => !box.running());
    if (stopped) throw new Error(`${stopped.name} exited while waiting for ${what}`);
    try {
      const status = await readKannelStatus(adminPort, password);
      if (until(status)) return status;
      last = `SMSC ${status.smscOnline ? 'online' : 'not online'}, smsbox ${status.smsboxConnected ? 'connected' : 'not connected'}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${what} within ${timeoutMs} ms (${last})`);
}
