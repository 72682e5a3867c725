// A WebSocket stand-in that records what the client sends and lets a test play the server.
export class FakeWs {
  static all: FakeWs[] = [];
  static get last(): FakeWs {
    return FakeWs.all[FakeWs.all.length - 1]!;
  }
  readyState = 0;
  sent: any[] = [];
  onopen: ((e?: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e?: unknown) => void) | null = null;
  onerror: ((e?: unknown) => void) | null = null;
  constructor(public url: string) {
    FakeWs.all.push(this);
  }
  send(s: string) {
    this.sent.push(JSON.parse(s));
  }
  close() {
    this.readyState = 3;
  }
  /** Server side: accept the socket. */
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  recv(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  /** Open and complete the §6.1 handshake. */
  handshake() {
    this.open();
    this.recv({ msg: 'connected', session: 'S1' });
  }
  /** Server or network drops the socket. */
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  take() {
    const s = this.sent;
    this.sent = [];
    return s;
  }
}
