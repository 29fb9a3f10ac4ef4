/** Full-jitter exponential backoff: a random delay up to min(max, initial × 2^attempt). */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.max(1, Math.round(random() * ceiling));
}
