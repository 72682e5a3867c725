// DDP over WebSocket at `/websocket`, sharing the HTTP server (§6.1). Every store bus event is
// offered to every session; sessions deliver it to their matching subscriptions.
import type { Server, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Store, StreamEvent } from '../store.ts';
import { defaultHeartbeat, type HeartbeatOptions } from './heartbeat.ts';
import { Session } from './session.ts';
import { DdpRateLimiter } from './ratelimit.ts';

export interface DdpOptions {
  heartbeat?: HeartbeatOptions;
  /** Meteor's legacy `{"server_id":"0"}` first frame (§6.1); on by default. */
  greeting?: boolean;
  /** the DDP_Rate_Limit_* rules (ddp/ratelimit.ts); on by default, off with the REST limits */
  rateLimit?: boolean;
}

export interface DdpHandle {
  /** Terminates every socket (fault control `drop-sockets`); clients are expected to reconnect. */
  dropAll(): void;
  close(): void;
}

export function attachDdp(server: Server, store: Store, options: DdpOptions = {}): DdpHandle {
  const heartbeat = options.heartbeat ?? defaultHeartbeat();
  // DDP frames are small JSON; a cap keeps one client from making us buffer megabytes.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const sessions = new Map<WebSocket, Session>();
  const limiter = options.rateLimit === false ? undefined : new DdpRateLimiter(store);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/websocket') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };

  wss.on('connection', (ws: WebSocket) => {
    const session = new Session(ws, store, heartbeat, limiter);
    sessions.set(ws, session);
    if (options.greeting !== false) session.send({ server_id: '0' });
    ws.on('message', (data, isBinary) => {
      try {
        session.receive(isBinary ? '' : data.toString());
      } catch (err) {
        // A bug in one handler must not take the server down with it.
        console.error('ddp: error while handling a frame', err);
      }
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      session.stop();
      sessions.delete(ws);
    });
  });

  const onStream = (event: StreamEvent): void => {
    for (const session of sessions.values()) session.deliver(event);
  };

  server.on('upgrade', onUpgrade);
  store.bus.on('stream', onStream);

  return {
    dropAll() {
      for (const ws of sessions.keys()) ws.terminate();
    },
    close() {
      server.off('upgrade', onUpgrade);
      store.bus.off('stream', onStream);
      for (const ws of sessions.keys()) ws.terminate();
      wss.close();
    },
  };
}
