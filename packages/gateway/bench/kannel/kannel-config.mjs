import { join } from 'node:path';

/**
 * The kannel.conf of the benchmark peer: one bearerbox with one SMPP transceiver to the simulator,
 * one smsbox with its sendsms interface, everything on 127.0.0.1.
 *
 * No `store-type`/`store-file`: Kannel then keeps its queues in memory only, the documented
 * behaviour without a store (a crash loses them). `dlr-storage = internal` keeps the pending
 * delivery reports in memory too.
 *
 * @param {{
 *   directory: string,
 *   adminPort: number, adminPassword: string,
 *   smsboxPort: number, sendsmsPort: number,
 *   smsc: { host: string, port: number, systemId: string, password: string, window: number },
 *   user: { username: string, password: string },
 * }} settings  directory receives the log files.
 * @returns {string}
 */
export function kannelConfig({ directory, adminPort, adminPassword, smsboxPort, sendsmsPort, smsc, user }) {
  const groups = [
    {
      group: 'core',
      'admin-port': adminPort,
      'admin-interface': '127.0.0.1',
      'admin-password': adminPassword,
      'status-password': adminPassword,
      'admin-allow-ip': '127.0.0.1',
      'smsbox-port': smsboxPort,
      'smsbox-interface': '127.0.0.1',
      'box-allow-ip': '127.0.0.1',
      'log-file': join(directory, 'bearerbox.log'),
      // 2 = warnings and worse: debug or info logging of every PDU would measure the disk.
      'log-level': 2,
      'dlr-storage': 'internal',
    },
    {
      group: 'smsc',
      smsc: 'smpp',
      'smsc-id': 'simulator',
      host: smsc.host,
      port: smsc.port,
      'transceiver-mode': true,
      'smsc-username': smsc.systemId,
      'smsc-password': smsc.password,
      'system-type': '',
      // Kannel's SMPP window: submit_sm sent and not yet answered.
      'max-pending-submits': smsc.window,
      'reconnect-delay': 1,
    },
    {
      group: 'smsbox',
      'bearerbox-host': '127.0.0.1',
      'bearerbox-port': smsboxPort,
      'sendsms-port': sendsmsPort,
      'sendsms-interface': '127.0.0.1',
      'log-file': join(directory, 'smsbox.log'),
      'log-level': 2,
    },
    {
      group: 'sendsms-user',
      username: user.username,
      password: user.password,
      // One submit per request: a longer text would be cut to one part, never split.
      'max-messages': 1,
      concatenation: false,
    },
  ];
  return groups.map(formatGroup).join('\n');
}

function formatGroup({ group, ...variables }) {
  const lines = Object.entries(variables).map(([key, value]) => `${key} = ${formatValue(value, key)}`);
  return `group = ${group}\n${lines.join('\n')}\n`;
}

function formatValue(value, key) {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (/["\n\r]/.test(value)) throw new Error(`kannel.conf value of ${key} may not contain quotes or newlines`);
  return `"${value}"`;
}
