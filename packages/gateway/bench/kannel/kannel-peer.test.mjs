import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BEARERBOX, SMSBOX } from './kannel-install.mjs';
import { runKannelPeer } from './kannel-peer.mjs';

const installed = existsSync(BEARERBOX) && existsSync(SMSBOX);

/** Kannel boxes that are children of this process (pgrep exits 1 when there are none). */
function ourBoxes() {
  try {
    return execFileSync('pgrep', ['-a', '-P', String(process.pid), '-f', 'bearerbox|smsbox'], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

const tempDirectories = () => readdirSync(tmpdir()).filter((name) => name.startsWith('karvon-kannel-'));

// Needs the Debian kannel package; the test does not install it (kannel-peer.mjs's CLI does, as root).
describe.skipIf(!installed)('runKannelPeer (Kannel installed)', () => {
  it('passes a round through Kannel and the simulator and leaves nothing running', async () => {
    const before = tempDirectories();
    const result = await runKannelPeer({ durationS: 1, connections: 8, log: () => {} });

    expect(result.errors).toBe(0);
    expect(result.accepted).toBeGreaterThan(0);
    expect(result.statusCodes).toEqual({ 202: result.accepted });
    // Every accepted message is receipted; the few requests in flight when the load stopped are
    // not counted as accepted by autocannon but may still have been queued (at most one each).
    expect(result.receipts).toBeGreaterThanOrEqual(result.accepted);
    expect(result.receipts).toBeLessThanOrEqual(result.accepted + 8);
    expect(result.kannel.smscFailed).toBe(0);
    expect(result.acceptedPerS).toBeCloseTo(result.accepted / result.durationS);

    expect(ourBoxes()).toBe('');
    expect(tempDirectories()).toEqual(before);
  });
});
