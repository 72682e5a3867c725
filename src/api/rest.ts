// A typed fetcher for the visitor REST routes (§1). It never throws: every outcome is a Result, so a bad answer
// becomes an error state in the widget instead of an unhandled rejection and a blank panel.

export interface Failure {
  ok: false;
  /** 0 = no HTTP answer (network, CORS, abort); otherwise the HTTP status (200 with a malformed body included). */
  status: number;
  error: string;
  errorType?: string;
  /** seconds, from the 429 text "You must wait N seconds" (§1.4) */
  retryAfter?: number;
}
export type Result<T> = { ok: true; data: T } | Failure;

/** Says whether a parsed body has the shape the caller relies on. */
export type Check = (body: any) => boolean;

export type Query = Record<string, string | number | undefined>;

export interface Rest {
  <T>(method: 'GET' | 'POST', path: string, opts: { query?: Query; body?: unknown; check?: Check }): Promise<Result<T>>;
}

const fail = (status: number, error: string, errorType?: string, retryAfter?: number): Failure => ({
  ok: false, status, error, errorType, retryAfter,
});

/** `server` is the Rocket.Chat origin (and path prefix, if any); `signal` aborts everything on remove(). */
export function createRest(server: string, signal?: AbortSignal): Rest {
  const base = server.replace(/\/+$/, '') + '/api/v1/livechat/';
  return async (method, path, { query, body, check }) => {
    const url = new URL(base + path);
    for (const k in query) if (query[k] != null) url.searchParams.set(k, String(query[k]));
    let res: Response;
    try {
      // Content-Type only with a body: a GET with no custom header is CORS-simple and needs no preflight (§1.6).
      res = await fetch(url, {
        method,
        signal,
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return fail(0, signal?.aborted ? 'aborted' : 'network');
    }
    let json: any;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    const obj = json && typeof json == 'object' && !Array.isArray(json);
    if (res.ok && obj && json.success !== false && (!check || check(json))) return { ok: true, data: json };
    if (res.ok) return fail(res.status, 'malformed-response');
    const error = obj && typeof json.error == 'string' ? json.error : obj && typeof json.reason == 'string' ? json.reason : 'http-' + res.status;
    const wait = /wait (\d+) second/.exec(error)?.[1];
    return fail(res.status, error, obj && typeof json.errorType == 'string' ? json.errorType : undefined, wait ? +wait : res.status == 429 ? 5 : undefined);
  };
}

/** The error code inside "Reason [code]", or the text itself for plain errors (§1.2). */
export const errorCode = (f: Failure) => f.errorType || /\[([\w-]+)\]$/.exec(f.error)?.[1] || f.error;
