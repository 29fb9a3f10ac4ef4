/** One dispatched Server-Sent Event. `id` is the last id the stream set (it carries over, per the spec). */
export interface ServerSentEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Parses a `text/event-stream` body (WHATWG HTML, "Server-sent events", event stream
 * interpretation): lines end in CRLF, LF or CR; `:` starts a comment; `data:` lines join with LF;
 * an empty line dispatches; an event without data is dropped.
 */
export async function* parseServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let skipLeadingLf = false;
  let first = true;
  let id: string | undefined;
  let event = '';
  let data: string[] = [];

  function* line(text: string): Generator<ServerSentEvent> {
    if (text === '') {
      if (data.length > 0) yield { id, event: event || 'message', data: data.join('\n') };
      data = [];
      event = '';
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  }

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      if (first && buffer.length > 0) {
        if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
        first = false;
      }
      // A CR at the end of the last chunk and an LF at the start of this one are one line end.
      if (skipLeadingLf && buffer.startsWith('\n')) buffer = buffer.slice(1);
      skipLeadingLf = false;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        yield* line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) skipLeadingLf = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    }
    // The spec drops an event the stream ended in the middle of.
  } finally {
    reader.releaseLock();
  }
}
