/**
 * Reads a node:http request body as a string, refusing more than `limit`
 * bytes. Resolves undefined when the body is too large (the caller answers
 * 413), so bare node:http servers pay for the same check the frameworks do.
 */
export function readBody(request, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (declared > limit) {
      request.resume();
      resolve(undefined);
      return;
    }
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks, size).toString('utf8')));
    request.on('error', reject);
  });
}
