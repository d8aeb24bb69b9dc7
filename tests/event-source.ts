// EventSource for jsdom, which has none: the browser's API (events by name, lastEventId, retry,
// reconnecting with Last-Event-ID) over fetch, so that the app's live streams reach the real
// MSW handlers in the tests. Chromium's own EventSource is what the browser tests use.
const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

const open = new Set<TestEventSource>();

export class TestEventSource extends EventTarget {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSED = CLOSED;
  readonly CONNECTING = CONNECTING;
  readonly OPEN = OPEN;
  readonly CLOSED = CLOSED;
  readonly url: string;
  readonly withCredentials = false;
  readyState = CONNECTING;
  lastEventId = '';
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private retryMs = 3000;
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;

  constructor(url: string | URL) {
    super();
    this.url = new URL(String(url), window.location.href).href;
    open.add(this);
    void this.connect();
  }

  /** False while a test has cut the network: connections fail, and are retried after the retry delay. */
  static networkUp = true;

  /** Every stream still open, for the tests' clean-up and for tests that cut them. */
  static all(): TestEventSource[] {
    return [...open];
  }

  static closeAll(): void {
    TestEventSource.networkUp = true;
    for (const source of open) source.close();
  }

  close(): void {
    this.readyState = CLOSED;
    open.delete(this);
    this.controller?.abort();
    void this.reader?.cancel().catch(() => undefined);
    if (this.timer) clearTimeout(this.timer);
  }

  /** Drops the connection as a network would: the source reconnects after its retry delay. */
  drop(): void {
    this.controller?.abort();
    // A mocked answer's body does not hear the abort: it is cancelled too.
    void this.reader?.cancel().catch(() => undefined);
  }

  private fire(type: string, event: Event) {
    this.dispatchEvent(event);
    if (type === 'open') this.onopen?.(event);
    if (type === 'error') this.onerror?.(event);
    if (type === 'message') this.onmessage?.(event as MessageEvent);
  }

  private async connect(): Promise<void> {
    if (this.readyState === CLOSED) return;
    this.controller = new AbortController();
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.lastEventId !== '') headers['last-event-id'] = this.lastEventId;
    try {
      if (!TestEventSource.networkUp) throw new TypeError('Failed to fetch');
      const response = await fetch(this.url, { headers, signal: this.controller.signal });
      if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        this.close();
        this.fire('error', new Event('error'));
        return;
      }
      this.readyState = OPEN;
      this.fire('open', new Event('open'));
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      this.reader = reader;
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          this.dispatchBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Dropped, offline, or closed.
    }
    if (this.readyState === CLOSED) return;
    this.readyState = CONNECTING;
    this.fire('error', new Event('error'));
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
  }

  private dispatchBlock(block: string) {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('retry: ')) this.retryMs = Number(line.slice(7));
      else if (line.startsWith('id: ')) this.lastEventId = line.slice(4);
      else if (line.startsWith('event: ')) type = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0 || this.readyState === CLOSED) return;
    this.fire(type, new MessageEvent(type, { data: data.join('\n'), lastEventId: this.lastEventId }));
  }
}
