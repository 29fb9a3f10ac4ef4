import { connect } from 'node:net';

/**
 * Writes a request byte for byte on a socket and returns the status line's
 * code and the raw answer. fetch refuses CR/LF in header values, so header
 * injection can only be tested this way.
 */
export function rawRequest(baseUrl: string, head: string, body = ''): Promise<{ status: number; raw: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let raw = '';
    socket.setEncoding('latin1');
    socket.setTimeout(5_000, () => socket.destroy(new Error('raw request timed out')));
    socket.on('data', (chunk: string) => {
      raw += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(raw);
      if (!m) reject(new Error(`no HTTP answer: ${JSON.stringify(raw.slice(0, 200))}`));
      else resolve({ status: Number(m[1]), raw });
    });
    socket.write(
      `${head}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\nConnection: close\r\n\r\n${body}`,
      'latin1',
    );
  });
}
