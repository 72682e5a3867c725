// The console's live feed: every store bus event as one Server-Sent Event (this is our console,
// not Rocket.Chat, so SSE instead of DDP). Dates go out as ISO strings, like the console's JSON API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store, StreamEvent } from '../store.ts';
import { CORS_HEADERS } from './http.ts';

const KEEPALIVE_MS = 15_000;

export function streamEvents(store: Store, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    ...CORS_HEADERS,
  });
  res.write(': connected\n\n');
  const onStream = ({ stream, eventName, args }: StreamEvent): void => {
    res.write(`data: ${JSON.stringify({ stream, eventName, args })}\n\n`);
  };
  // Comments keep proxies and idle timers from closing a quiet stream.
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  store.bus.on('stream', onStream);
  const stop = (): void => {
    clearInterval(keepalive);
    store.bus.off('stream', onStream);
  };
  req.on('close', stop);
  res.on('error', stop);
}
