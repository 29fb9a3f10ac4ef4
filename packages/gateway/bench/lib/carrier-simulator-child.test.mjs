import smpp from 'smpp';
import { describe, expect, it } from 'vitest';
import { benchSimulatorOptions } from '../kannel/simulator-child.mjs';
import { startCarrierSimulatorChild } from './carrier-simulator-child.mjs';

const ACCOUNT = { systemId: 'libtest', password: 'lt' };

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Binds, submits each text to the same number from the same sender, unbinds. */
function submitAll(port, texts) {
  return new Promise((resolve, reject) => {
    const session = smpp.connect({ url: `smpp://127.0.0.1:${port}` }, () => {
      session.bind_transceiver({ system_id: ACCOUNT.systemId, password: ACCOUNT.password }, async (bind) => {
        if (bind.command_status !== 0) return reject(new Error(`bind failed: ${bind.command_status}`));
        // Receipts arrive as deliver_sm; answer them so the simulator is not left waiting.
        session.on('deliver_sm', (pdu) => session.send(pdu.response()));
        for (const text of texts) {
          await new Promise((done) =>
            session.submit_sm(
              { source_addr: 'Bench', destination_addr: '998901234567', short_message: text, registered_delivery: 1 },
              done,
            ),
          );
        }
        session.unbind(() => {
          session.close();
          resolve();
        });
      });
    });
    session.once('error', reject);
  });
}

describe('startCarrierSimulatorChild', () => {
  it('runs the simulator in another process and reads its counts, duplicates included, while it runs', async () => {
    const simulator = await startCarrierSimulatorChild(benchSimulatorOptions(ACCOUNT));
    try {
      expect(simulator.pid).not.toBe(process.pid);
      await submitAll(simulator.port, ['one', 'two', 'one']);
      const counts = await simulator.counts();
      expect(counts).toMatchObject({ submits: 3, distinct: 2, duplicates: 1 });
      // Counts only: the repeated triples (phone numbers) stay in the child.
      expect(counts).not.toHaveProperty('repeated');
    } finally {
      const last = await simulator.stop();
      expect(last).toMatchObject({ submits: 3, duplicates: 1 });
    }
    expect(alive(simulator.pid)).toBe(false);
  });

  it('fails clearly when the options are invalid', async () => {
    await expect(startCarrierSimulatorChild({ accounts: [] })).rejects.toThrow(/exited before listening/);
  });
});
