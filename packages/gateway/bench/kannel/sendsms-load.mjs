import autocannon from 'autocannon';

/**
 * The sendsms request of the benchmark: one recipient, one-part text, a delivery report
 * requested for "delivered" (dlr-mask 1) and sent to `dlrUrl` with its type appended (`%d`).
 */
export function sendsmsUrl({ port, username, password, to, from, text, dlrUrl }) {
  const query = new URLSearchParams({
    username,
    password,
    to,
    from,
    text,
    'dlr-mask': '1',
    'dlr-url': `${dlrUrl}?type=%d`,
  });
  return `http://127.0.0.1:${port}/cgi-bin/sendsms?${query}`;
}

/**
 * `connections` keep-alive clients sending `url` back to back for `durationS` (autocannon, in this
 * process). Kannel answers 202 "Accepted for delivery" once bearerbox has queued the message;
 * anything else, a socket error or a timeout is an error.
 *
 * @returns {Promise<{ accepted: number, errors: number, statusCodes: Record<string, number>, loadS: number }>}
 *   loadS: how long the load actually ran.
 */
export async function runSendsmsLoad({ url, connections, durationS }) {
  const result = await autocannon({ url, method: 'GET', connections, duration: durationS });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  const answered = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  const accepted = statusCodes['202'] ?? 0;
  return {
    accepted,
    // autocannon's errors include its timeouts.
    errors: answered - accepted + result.errors,
    statusCodes,
    loadS: (result.finish.getTime() - result.start.getTime()) / 1000,
  };
}
