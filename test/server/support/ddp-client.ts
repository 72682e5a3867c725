// A bare DDP test client on `ws`: records every frame and lets a test await the next one that matches.
import WebSocket from 'ws';

export type Frame = Record<string, unknown>;

export class DdpClient {
  readonly frames: Frame[] = [];
  /** the text of each frame exactly as the server sent it */
  readonly raw: string[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  closed: Promise<void>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.raw.push(data.toString());
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.wake();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', () => {
        resolve();
        this.wake();
      }),
    );
  }

  static async open(url: string): Promise<DdpClient> {
    const ws = new WebSocket(url);
    const client = new DdpClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  /** Opens a socket and completes the §6.1 handshake, skipping the server_id greeting. */
  static async connected(url: string): Promise<DdpClient> {
    const client = await DdpClient.open(url);
    client.send({ msg: 'connect', version: '1', support: ['1', 'pre2', 'pre1'] });
    await client.next((f) => f.msg === 'connected');
    return client;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next unread frame satisfying `match` (earlier non-matching frames are skipped). */
  async next(match: (f: Frame) => boolean = () => true, timeoutMs = 2000): Promise<Frame> {
    return this.frames[await this.nextIndex(match, timeoutMs)];
  }

  /** Like `next`, but the frame's text exactly as sent — for verbatim comparisons. */
  async nextRaw(match: (f: Frame) => boolean = () => true, timeoutMs = 2000): Promise<string> {
    return this.raw[await this.nextIndex(match, timeoutMs)];
  }

  private async nextIndex(match: (f: Frame) => boolean, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.frames.length) {
        const i = this.cursor++;
        if (match(this.frames[i])) return i;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(`no matching frame; got ${JSON.stringify(this.frames)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Frames arriving within `ms` that satisfy `match` — for asserting that something did NOT arrive. */
  async collect(match: (f: Frame) => boolean, ms = 150): Promise<Frame[]> {
    const start = this.frames.length;
    await new Promise((r) => setTimeout(r, ms));
    return this.frames.slice(start).filter(match);
  }

  subscribe(id: string, name: string, key: string, extra: unknown): void {
    this.send({ msg: 'sub', id, name, params: [key, { useCollection: false, args: [extra] }] });
  }

  close(): void {
    this.ws.close();
  }
}

/** Matches the `ready` or `nosub` answer to subscription `id`. */
export const answerTo =
  (id: string) =>
  (f: Frame): boolean =>
    (f.msg === 'nosub' && f.id === id) || (f.msg === 'ready' && Array.isArray(f.subs) && f.subs.includes(id));
