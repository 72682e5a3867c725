// The shared route-definition helper: every visitor endpoint is a `route({...})` value, and `dispatch` turns a
// request into validation → action → Rocket.Chat's envelope (§1.1 success merge, §1.2 errors).
import type { IncomingMessage } from 'node:http';
import type { Store } from './store.ts';
import { check, type Pattern } from './match.ts';
import { validateParams, type Schema } from './params.ts';
import { errorBody } from './errors.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Ctx {
  store: Store;
  req: IncomingMessage;
  /** path params, e.g. `{ rid }` for `livechat/messages.history/:rid` */
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** the JSON body; `{}` for a route that reads the request itself */
  body: Record<string, unknown>;
  /** node:dns resolveMx unless the server was started with another (offline-message address check) */
  resolveMx: MxResolver;
}

export type MxResolver = (domain: string) => Promise<unknown>;

/** A reply that is not `{...payload, success:true}`: its own status and body (upload's 403 / `reason` answers). */
export class Raw {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface RouteDef {
  method: Method;
  /** `livechat/...` with `:name` params, as in Rocket.Chat's addRoute */
  path: string;
  /** Meteor `check()` pattern (POST visitor, GET room, visitor.status) … */
  check?: Pattern;
  /** … or AJV-style schema; GET validates the query, other methods the body (§1.2) */
  schema?: Schema;
  /** a typed `API.v1.post(path, { body })` route: its validation errors have no `[invalid-params]` suffix (§1.3) */
  typed?: true;
  /** the route's own limit (§1.5); routes without one get the default limiter (app.ts) */
  rateLimit?: { calls: number; windowMs: number };
  /** the route reads the request body itself (the multipart upload), so nothing reads it before */
  readsBody?: true;
  action(ctx: Ctx): unknown | Promise<unknown>;
}

export const route = (def: RouteDef): RouteDef => def;

/** `"<METHOD> livechat/<pattern>"`, the key faults and rate limits use. */
export const routeKey = (def: Pick<RouteDef, 'method' | 'path'>): string => `${def.method} ${def.path}`;

export interface Matched {
  def: RouteDef;
  params: Record<string, string>;
}

export function matchRoute(routes: RouteDef[], method: string, path: string): Matched | undefined {
  const parts = path.split('/');
  for (const def of routes) {
    if (def.method !== method) continue;
    const pattern = def.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      if (p.startsWith(':')) {
        if (!parts[i]) return false;
        try {
          params[p.slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          return false; // a malformed %-escape matches no route
        }
        return true;
      }
      return p === parts[i];
    });
    if (ok) return { def, params };
  }
  return undefined;
}

/** Runs a matched route; always resolves to a status and JSON body, never throws. */
export async function runRoute(m: Matched, ctx: Omit<Ctx, 'params'>): Promise<{ status: number; body: unknown }> {
  try {
    const input = m.def.method === 'GET' ? ctx.query : ctx.body;
    if (m.def.check) check(input, m.def.check);
    if (m.def.schema) validateParams(m.def.schema, input, m.def.typed ? 'typed' : 'classic');
    const out = await m.def.action({ ...ctx, params: m.params });
    if (out instanceof Raw) return { status: out.status, body: out.body };
    return { status: 200, body: { ...(out as object), success: true } };
  } catch (e) {
    return { status: 400, body: errorBody(e) };
  }
}
