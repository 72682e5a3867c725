// In-process stand-in + a tiny JSON client for the REST contract tests.
import { startServer, type ServerOptions } from '../../../server/app.ts';
import { loadSeed, type Seed } from '../../../server/seed.ts';

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;

/** The default seed with some settings overridden. */
export function seedWith(settings: Record<string, unknown>, more: Partial<Seed> = {}): Seed {
  const seed = loadSeed();
  return { ...seed, ...more, settings: { ...seed.settings, ...settings } };
}

export async function start(opts: ServerOptions = {}) {
  const server = await startServer({ port: 0, rateLimit: false, ...opts });
  const api: Api = async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body);
      if (!(body instanceof FormData)) (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${server.url}/api/v1/${path}`, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* non-JSON answers (CORS 403, malformed fault) are compared as text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  /** Registers a visitor and opens its room. */
  const chat = async (token: string, visitor: Record<string, unknown> = {}) => {
    const v = await api('POST', 'livechat/visitor', { visitor: { token, ...visitor } });
    const r = await api('GET', `livechat/room?token=${token}`);
    return { visitor: v.body.visitor, room: r.body.room, rid: r.body.room?._id as string };
  };
  return { ...server, api, chat };
}

export type TestServer = Awaited<ReturnType<typeof start>>;
