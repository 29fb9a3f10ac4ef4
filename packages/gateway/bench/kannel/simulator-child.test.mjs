import smpp from 'smpp';
import { describe, expect, it } from 'vitest';
import { benchSimulatorOptions, SIMULATOR_ACCOUNT, startSimulatorChild } from './simulator-child.mjs';

function bindTransceiver(port, account) {
  return new Promise((resolve, reject) => {
    const session = smpp.connect({ url: `smpp://127.0.0.1:${port}` }, () => {
      session.bind_transceiver({ system_id: account.systemId, password: account.password }, (pdu) => {
        session.close();
        resolve(pdu.command_status);
      });
    });
    session.once('error', reject);
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startSimulatorChild', () => {
  it('runs the simulator in another process that binds the bench account', async () => {
    const simulator = await startSimulatorChild();
    try {
      expect(simulator.pid).not.toBe(process.pid);
      expect(await bindTransceiver(simulator.port, SIMULATOR_ACCOUNT)).toBe(0);
      expect(await bindTransceiver(simulator.port, { ...SIMULATOR_ACCOUNT, password: 'wrong' })).not.toBe(0);
    } finally {
      const stats = await simulator.stop();
      expect(stats).toMatchObject({ submits: 0, receiptsSent: 0 });
      expect(stats.received.bind_transceiver).toBe(2);
    }
    expect(alive(simulator.pid)).toBe(false);
  });

  it('reports why the simulator could not start', async () => {
    const options = { ...benchSimulatorOptions(), accounts: [] };
    await expect(startSimulatorChild(options)).rejects.toThrow(/exited before listening/);
  });
});
