// The whole stand-in (REST, DDP, agent console, fault controls) in-process, as browser tests run it.
import { startServer } from '../../../server/app.ts';
import type { Store } from '../../../server/store.ts';

export interface Harness {
  url: string;
  wsUrl: string;
  store: Store;
  /** POST /__faults/drop-sockets, i.e. the DDP layer's dropAll() */
  dropAll(): Promise<void>;
  close(): Promise<void>;
}

/** `pingMs` shortens the DDP server heartbeat (§6.2) through RC_DDP_PING_MS, which attachDdp reads on start. */
export async function startHarness(options: { pingMs?: number } = {}): Promise<Harness> {
  const saved = process.env.RC_DDP_PING_MS;
  if (options.pingMs) process.env.RC_DDP_PING_MS = String(options.pingMs);
  const server = await startServer({ port: 0, rateLimit: false, faults: true }).finally(() => {
    if (saved === undefined) delete process.env.RC_DDP_PING_MS;
    else process.env.RC_DDP_PING_MS = saved;
  });
  return {
    url: server.url,
    wsUrl: `${server.url.replace(/^http/, 'ws')}/websocket`,
    store: server.store,
    dropAll: async () => {
      const res = await fetch(`${server.url}/__faults/drop-sockets`, { method: 'POST' });
      if (!res.ok) throw new Error(`drop-sockets answered ${res.status}`);
    },
    close: server.close,
  };
}

/** A visitor registered and given a room through REST (§2, §4.2), as the widget does it. */
export async function restVisitorWithRoom(h: Harness, name = 'Jane'): Promise<{ token: string; rid: string }> {
  const token = `tok-${Math.random().toString(16).slice(2)}`;
  const post = await fetch(`${h.url}/api/v1/livechat/visitor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ visitor: { token, name } }),
  });
  if (!post.ok) throw new Error(`visitor: ${post.status} ${await post.text()}`);
  const room = await fetch(`${h.url}/api/v1/livechat/room?token=${token}`);
  const json = (await room.json()) as { room?: { _id: string } };
  if (!json.room) throw new Error(`room: ${JSON.stringify(json)}`);
  return { token, rid: json.room._id };
}
