// The stand-in Rocket.Chat server: REST under /api/v1/livechat (§1–§4), DDP at /websocket, the agent
// console, uploaded files, the chime, letter avatars, and (test-only) fault controls, all on one node:http server.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { resolveMx } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { attachDdp } from './ddp/index.ts';
import { agentRoutes } from './agent/index.ts';
import { livechatRoutes } from './routes/index.ts';
import { matchRoute, routeKey, runRoute, type MxResolver, type RouteDef } from './route.ts';
import { MAX_JSON_BYTES, parseJson, queryObject, readBody } from './body.ts';
import { applyCors } from './cors.ts';
import { RateLimiter } from './ratelimit.ts';
import { Faults } from './faults.ts';
import { serveSound } from './sounds.ts';
import { serveAvatar } from './avatar.ts';
import { serveUpload } from './upload/download.ts';
import { errorBody } from './errors.ts';
import { loadSeed, storeFromSeed, type Seed } from './seed.ts';
import type { Store } from './store.ts';

export interface ServerOptions {
  port?: number;
  host?: string;
  seed?: Seed;
  /** on by default, as on a real server outside TEST_MODE (§1.5) */
  rateLimit?: boolean;
  faults?: boolean;
  /** the MX lookup behind Livechat_validate_offline_email; tests pass their own so they need no network */
  resolveMx?: MxResolver;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

const API_PREFIX = '/api/v1/';

/** Every classic route is limited (api.ts `shouldAddRateLimitToRoute`): its own options, else the
 * `API_Enable_Rate_Limiter_Limit_*_Default` settings; `API_Enable_Rate_Limiter` false turns all of it off. */
function routeLimit(store: Store, def: RouteDef): RouteDef['rateLimit'] {
  if (store.setting('API_Enable_Rate_Limiter') !== true) return undefined;
  return (
    def.rateLimit ?? {
      calls: Number(store.setting('API_Enable_Rate_Limiter_Limit_Calls_Default')),
      windowMs: Number(store.setting('API_Enable_Rate_Limiter_Limit_Time_Default')),
    }
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const store = storeFromSeed(opts.seed ?? loadSeed());
  const limiter = opts.rateLimit === false ? undefined : new RateLimiter();
  const agent = agentRoutes(store);
  const server = http.createServer();
  const ddp = attachDdp(server, store, { rateLimit: opts.rateLimit !== false });
  const faults = opts.faults ? new Faults(() => ddp.dropAll()) : undefined;

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!applyCors(store, req, res)) return;
    if (req.method === 'OPTIONS') {
      res.writeHead(200);
      res.end();
      return;
    }
    const matched = matchRoute(livechatRoutes, req.method ?? 'GET', url.pathname.slice(API_PREFIX.length));
    if (!matched) return sendJson(res, 404, { success: false, error: 'API endpoint does not exist' });
    const key = routeKey(matched.def);
    if (faults && (await faults.intercept(key, res))) return;
    const limit = limiter && routeLimit(store, matched.def);
    if (limit) {
      // Rocket.Chat's getRequestIP: `x-real-ip`, else the socket address
      const ip = String(req.headers['x-real-ip'] ?? req.socket.remoteAddress ?? '');
      const limited = limiter.hit(`${ip} ${key}`, limit, res);
      if (limited) return sendJson(res, 429, limited);
    }
    let body: Record<string, unknown> = {};
    if (!matched.def.readsBody) {
      try {
        const raw = await readBody(req, MAX_JSON_BYTES);
        if (req.method !== 'GET') body = parseJson(raw);
      } catch (e) {
        return sendJson(res, 400, errorBody(e));
      }
    }
    const out = await runRoute(matched, { store, req, query: queryObject(url), body, resolveMx: opts.resolveMx ?? resolveMx });
    sendJson(res, out.status, out.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(API_PREFIX)) return handleApi(req, res, url);
    if (faults && url.pathname.startsWith('/__faults')) {
      const raw = await readBody(req, MAX_JSON_BYTES);
      let body: unknown;
      try {
        body = parseJson(raw);
      } catch {
        body = undefined;
      }
      if (faults.control(req, res, url.pathname, body)) return;
    }
    if (serveUpload(store, req, res, url)) return;
    if (serveSound(req, res, url.pathname)) return;
    if (serveAvatar(store, req, res, url)) return;
    if (await agent(req, res, url)) return;
    sendJson(res, 404, { success: false, error: 'Not found' });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { success: false, error: e instanceof Error ? e.message : String(e) });
      else res.destroy();
    });
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        ddp.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
