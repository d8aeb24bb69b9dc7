// Server-Sent Events over a web-standard Response: the framing (RFC: text/event-stream), and a
// stream that ends its follow when the reader goes. The real server and the mock serve it alike.
import type { EventSink } from '../core/live-hub';

/** How long a browser waits before reconnecting a dropped stream. */
export const RETRY_MS = 3_000;

/** One SSE message: its lines, each data line one line of `data` (JSON has no newline). */
export function eventFrame(id: number | null, type: string, data: string): string {
  return `${id === null ? '' : `id: ${id}\n`}event: ${type}\ndata: ${data}\n\n`;
}

/**
 * A stream that `follow` fills through a sink until the reader cancels it or the hub closes it.
 * `follow` returns how to stop following.
 */
export function eventStreamResponse(follow: (sink: EventSink) => () => void, signal?: AbortSignal, onEnd?: () => void): Response {
  const encoder = new TextEncoder();
  let stop: (() => void) | null = null;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    stop?.();
    stop = null;
    onEnd?.();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (ended) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // The reader went away between two events.
          end();
        }
      };
      // The retry first, and a comment so that the browser sees the stream open at once.
      write(`retry: ${RETRY_MS}\n: open\n\n`);
      stop = follow({
        event: (id, type, data) => write(eventFrame(id, type, data)),
        keepAlive: () => write(': keep-alive\n\n'),
        close: () => {
          end();
          try {
            controller.close();
          } catch {
            // Already closed by the reader.
          }
        },
      });
      signal?.addEventListener('abort', end, { once: true });
    },
    cancel: end,
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // A proxy that buffers (nginx) would hold the events back.
      'x-accel-buffering': 'no',
    },
  });
}

/** Where a reader resumes: the browser's Last-Event-ID on reconnecting, else `?after=` from the page it read. */
export function resumeFrom(request: Request, url: URL): number | null | 'invalid' {
  const raw = request.headers.get('last-event-id') ?? url.searchParams.get('after');
  if (raw === null || raw === '') return null;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : 'invalid';
}

/** Streams one client may hold open at once by default: a newsroom's office behind one address reads too. */
export const MAX_STREAMS_PER_CLIENT = 100;

/**
 * Open streams per client (its address key): an open stream costs the process memory until the
 * client goes, so one client cannot hold thousands. `open` answers how to release the stream's
 * place, or null when the client holds its share already.
 */
export function streamCounter(max = MAX_STREAMS_PER_CLIENT) {
  const open = new Map<string, number>();
  return {
    open(client: string): (() => void) | null {
      const count = open.get(client) ?? 0;
      if (count >= max) return null;
      open.set(client, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(client) ?? 1) - 1;
        if (left === 0) open.delete(client);
        else open.set(client, left);
      };
    },
  };
}
export type StreamCounter = ReturnType<typeof streamCounter>;
