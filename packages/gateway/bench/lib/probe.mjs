/**
 * One request before the load starts, so a benchmark never measures a server
 * that answers errors fast. Resolves with the status and the parsed body.
 */
export async function probe(url, { method = 'POST', body, headers = { 'content-type': 'application/json' } } = {}) {
  const response = await fetch(url, { method, body, headers });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

/** A JSON `POST /send` body just over `limitBytes`, to see who answers 413. */
export function oversizedSendBody(limitBytes) {
  return JSON.stringify({ to: '+998901234567', from: 'KarvonShop', body: 'x'.repeat(limitBytes + 1) });
}
