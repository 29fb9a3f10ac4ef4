import { createServer } from 'node:net';

/**
 * `count` distinct free TCP ports on 127.0.0.1, for programs (Kannel) that cannot listen on port 0
 * and report back. All are held open together so they differ; another process may still take one
 * between close and use, which a benchmark on loopback accepts.
 */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const server = createServer();
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
  }
}
