// A WebSocket stand-in that records what the client sends and lets a test play the server.
import type { DdpFrame } from '../../src/api/contract.ts';
import type { Socket } from '../../src/api/ddp.ts';

export class FakeWs implements Socket {
  static all: FakeWs[] = [];
  static get last(): FakeWs {
    return FakeWs.all[FakeWs.all.length - 1]!;
  }
  readyState = 0;
  sent: DdpFrame[] = [];
  onopen: ((e: Event) => void) | null = null;
  onmessage: ((e: MessageEvent<string>) => void) | null = null;
  onclose: ((e: CloseEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
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
    this.onopen?.(new Event('open'));
  }
  recv(frame: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }
  /** Open and complete the §6.1 handshake. */
  handshake() {
    this.open();
    this.recv({ msg: 'connected', session: 'S1' });
  }
  /** Server or network drops the socket. */
  drop() {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close'));
  }
  take() {
    const s = this.sent;
    this.sent = [];
    return s;
  }
}

/** The frames of one kind, typed as such. */
export const framesOf = <M extends DdpFrame['msg']>(frames: DdpFrame[], msg: M) =>
  frames.filter((f): f is Extract<DdpFrame, { msg: M }> => f.msg == msg);
