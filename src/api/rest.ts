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

/** `params` is the query of a GET, or the JSON body of a POST. */
export interface Rest {
  <T>(path: string, params: Query | object, check?: Check | 0, post?: 1): Promise<Result<T>>;
}

export const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v);

/** `server` is the Rocket.Chat origin (and path prefix, if any); `signal` aborts everything on remove(). */
export function createRest(server: string, signal?: AbortSignal): Rest {
  const base = server.replace(/\/+$/, '') + '/api/v1/livechat/';
  return async (path, params: any, check, post): Promise<any> => {
    const url = new URL(base + path);
    if (!post) for (const k in params) if (params[k] != null) url.searchParams.set(k, '' + params[k]);
    let res: Response;
    try {
      // Content-Type only with a body: a GET with no custom header is CORS-simple and needs no preflight (§1.6).
      res = await fetch(url, {
        method: post && 'POST',
        signal,
        headers: post && { 'Content-Type': 'application/json' },
        body: post && JSON.stringify(params),
      });
    } catch {
      return { ok: false, status: 0, error: signal?.aborted ? 'aborted' : 'network' };
    }
    const { ok, status } = res;
    const json = await res.json().catch(() => 0);
    if (ok && isObj(json) && json.success !== false && (!check || check(json))) return { ok, data: json };
    // `reason`: upload errors (§4.11); an HTML error page has neither
    const error = ok ? 'malformed-response' : '' + (json?.error || json?.reason || 'http-' + status);
    return {
      ok: false,
      status,
      error,
      errorType: json?.errorType,
      // 5 also for "0": the form counts down from it to 0 before it resubmits
      retryAfter: status == 429 ? +/wait (\d+) second/.exec(error)?.[1]! || 5 : undefined,
    };
  };
}

/** The error code inside "Reason [code]", or the text itself for plain errors (§1.2). */
export const errorCode = (f: Failure) => f.errorType || /\[([\w-]+)\]$/.exec(f.error)?.[1] || f.error;
