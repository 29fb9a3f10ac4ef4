import { describe, expect, it } from 'vitest';
import { parseServerSentEvents, type ServerSentEvent } from './server-sent-events';

/** A body delivered in the given chunks, as a network would split it. */
function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const out: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(stream)) out.push(event);
  return out;
}

describe('parseServerSentEvents', () => {
  it('reads id, event and data, skipping comments', async () => {
    const events = await collect(body(': keep-alive\n\nid: evt_1\nevent: message.sent\ndata: {"a":1}\n\n'));
    expect(events).toEqual([{ id: 'evt_1', event: 'message.sent', data: '{"a":1}' }]);
  });

  it('joins multi-line data with LF and defaults the type to message', async () => {
    expect(await collect(body('data: one\ndata:two\ndata\n\n'))).toEqual([
      { id: undefined, event: 'message', data: 'one\ntwo\n' },
    ]);
  });

  it('accepts CRLF and CR line ends, also split across chunks', async () => {
    const events = await collect(body('id: evt_1\r', '\nevent: a\r\ndata: x\r\r', 'id: evt_2\rdata: y\r\n\r\n'));
    expect(events).toEqual([
      { id: 'evt_1', event: 'a', data: 'x' },
      { id: 'evt_2', event: 'message', data: 'y' },
    ]);
  });

  it('keeps the last id for later events and drops an event cut off by the end of the stream', async () => {
    const events = await collect(body('id: evt_1\ndata: a\n\ndata: b\n\ndata: cut'));
    expect(events.map((e) => [e.id, e.data])).toEqual([
      ['evt_1', 'a'],
      ['evt_1', 'b'],
    ]);
  });

  it('decodes a multi-byte character split between chunks and ignores a byte order mark', async () => {
    const bytes = new TextEncoder().encode('\uFEFFdata: Salom, dunyo ✓\n\n');
    const cut = bytes.length - 4;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    expect((await collect(stream)).map((e) => e.data)).toEqual(['Salom, dunyo ✓']);
  });
});
