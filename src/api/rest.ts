// A typed fetcher for the visitor REST routes (§1). It never throws: every outcome is a Result, so a bad answer
// becomes an error state in the widget instead of an unhandled rejection and a blank panel.
import { isObj } from './shapes.ts';

export interface Failure {
  ok: false;
  /** 0 = no HTTP answer (network, CORS, abort); otherwise the HTTP status (200 with a malformed body included). */
  status: number;
  error: string;
  errorType?: string;
  /** seconds, from the 429 text "You must wait N seconds", else from X-RateLimit-Reset (§1.4) */
  retryAfter?: number;
}
/** `limitedFor`: ms before the route takes another call, when X-RateLimit-Remaining says this was the last one. */
export type Result<T> = { ok: true; data: T; limitedFor?: number } | Failure;

/** Says whether a parsed body has the shape the caller relies on. */
export type Check = (body: Record<string, unknown>) => boolean;

export type Query = Record<string, string | number | undefined>;

/** `check` says whether the answer has the shape the caller relies on; without it any success body passes. */
export interface Rest {
  get<T>(path: string, query: Query, check?: Check): Promise<Result<T>>;
  post<T>(path: string, body: object, check?: Check): Promise<Result<T>>;
}

/** ms until X-RateLimit-Reset (§1.4: epoch ms), where the answer lets us read it: a cross-origin answer shows the
 * header only when the server's CORS exposes it. The server's clock is not ours, so at most a minute (the default
 * window); waiting too little only costs one more 429, whose text then says how long. */
function resetIn(res: Response): number | undefined {
  const reset = Number(res.headers.get('X-RateLimit-Reset'));
  return reset ? Math.min(Math.max(reset - Date.now(), 0), 6e4) : undefined;
}

/** `server` is the Rocket.Chat origin (and path prefix, if any); `signal` aborts everything on remove(). */
export function createRest(server: string, signal?: AbortSignal): Rest {
  const base = server.replace(/\/+$/, '') + '/api/v1/livechat/';

  async function request<T>(url: URL, init: RequestInit, check?: Check): Promise<Result<T>> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal });
    } catch {
      return { ok: false, status: 0, error: signal?.aborted ? 'aborted' : 'network' };
    }
    const { ok, status } = res;
    const json: unknown = await res.json().catch(() => undefined);
    const limitedFor = res.headers.get('X-RateLimit-Remaining') == '0' ? resetIn(res) : undefined;
    // `check` vouches for the fields the caller reads
    if (ok && isObj(json) && json.success !== false && (!check || check(json))) return { ok, data: json as T, limitedFor };
    const body = isObj(json) ? json : {};
    // `reason`: upload errors (§4.11); an HTML error page has neither
    const error = ok ? 'malformed-response' : String(body.error || body.reason || 'http-' + status);
    return {
      ok: false,
      status,
      error,
      errorType: typeof body.errorType == 'string' ? body.errorType : undefined,
      // 5 also for "0": the form counts down from it to 0 before it resubmits
      retryAfter: status == 429 ? Number(/wait (\d+) second/.exec(error)?.[1]) || Math.ceil((resetIn(res) ?? 0) / 1e3) || 5 : undefined,
    };
  }

  return {
    get(path, query, check) {
      const url = new URL(base + path);
      for (const [key, value] of Object.entries(query)) if (value != null) url.searchParams.set(key, String(value));
      // No Content-Type: a GET with no custom header is CORS-simple and needs no preflight (§1.6).
      return request(url, {}, check);
    },
    post: (path, body, check) =>
      request(new URL(base + path), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, check),
  };
}

/** The error code inside "Reason [code]", or the text itself for plain errors (§1.2). */
export const errorCode = (f: Failure) => f.errorType || /\[([\w-]+)\]$/.exec(f.error)?.[1] || f.error;
