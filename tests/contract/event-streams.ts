// Reading a Server-Sent Events answer in a test: its text as it arrives, parsed into events,
// until what the test waits for has come (or a deadline, which fails the wait).
export interface ReceivedEvent {
  id: string | null;
  type: string;
  data: string;
}

export function parseEvents(text: string): ReceivedEvent[] {
  const events: ReceivedEvent[] = [];
  for (const block of text.split('\n\n')) {
    let id: string | null = null;
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) type = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) events.push({ id, type, data: data.join('\n') });
  }
  return events;
}

export interface OpenStream {
  /** Everything received so far, as text. */
  text(): string;
  events(): ReceivedEvent[];
  /** Resolves once `test` holds for the events received, rejects after `timeoutMs`. */
  until(test: (events: ReceivedEvent[]) => boolean, timeoutMs?: number): Promise<ReceivedEvent[]>;
  close(): Promise<void>;
}

export function openStream(response: Response): OpenStream {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let received = '';
  const waiters = new Set<() => void>();
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      received += decoder.decode(value, { stream: true });
      for (const wake of [...waiters]) wake();
    }
  })();
  return {
    text: () => received,
    events: () => parseEvents(received),
    until(test, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const events = parseEvents(received);
          if (!test(events)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(events);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`The awaited events did not come within ${timeoutMs} ms; received:\n${received}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      await reader.cancel().catch(() => undefined);
      await pump;
    },
  };
}
