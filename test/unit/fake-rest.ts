// A stand-in for the Rocket.Chat REST routes behind a stubbed globalThis.fetch (contract §1, §2, §4): tests queue
// answers per route and read back what the widget sent. Components never call fetch themselves; they go through
// session.api, so this is the one seam.
import { vi } from 'vitest';
import type { Config, ConfigSettings } from '../../src/api/contract.ts';
import type { LivechatApi } from '../../src/api/livechat.ts';
import type { Kv } from '../../src/storage/kv.ts';

/** The first argument of one of the widget's REST calls (src/api/livechat.ts). */
type Sent<M extends keyof LivechatApi> = Parameters<LivechatApi[M]>[0];

/** Every route the widget calls, with the JSON body it sends (GETs send none): what a test reads from a call. */
export interface Bodies {
  'GET config': undefined;
  'GET room': undefined;
  'GET messages.history': undefined;
  'GET message': undefined;
  'GET agent.info': undefined;
  'POST visitor': { visitor: Sent<'visitor'> };
  'POST message': Sent<'send'>;
  'POST room.close': { rid: string; token: string };
  'POST custom.field': Sent<'customField'>;
  'POST page.visited': Sent<'pageVisited'>;
  'POST offline.message': Sent<'offline'>;
}
export type Route = keyof Bodies;

/** One request the widget made; its body has its route's type (unknown for a route it does not call). */
export interface Call<R extends string = string> {
  method: string;
  /** the part after /api/v1/livechat/, e.g. 'visitor', 'messages.history/R1' */
  path: string;
  /** method + the first path segment, e.g. 'GET messages.history' */
  route: R;
  query: Record<string, string>;
  body: R extends Route ? Bodies[R] : unknown;
  headers: Headers;
  url: string;
}
type Answer<R extends Route> = Response | Error | ((c: Call<R>) => Response | Error | Promise<Response | Error>);
/** Each route's answers: one, or several given out in order. */
export type Routes = { [R in Route]?: Answer<R> | Answer<R>[] };

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** §1.2 classic error envelope */
export const rcError = (error: string, errorType?: string, status = 400) =>
  json({ success: false, error, ...(errorType ? { errorType } : {}) }, status);

/** Each route answers its answers in order and then repeats the last one. An Error rejects the fetch; a route the
 * test gave no answer for gets a 404. */
export function fakeRest(routes: Routes) {
  const calls: Call[] = [];
  /** how many answers each route has given */
  const given = new Map<Route, number>();
  /** A route the test answers is one of the widget's: Routes has no other keys. */
  const isAnswered = (route: string): route is Route => Object.hasOwn(routes, route);
  function answer<R extends Route>(c: Call<R>) {
    const list: Answer<R> | Answer<R>[] | undefined = routes[c.route];
    const answers = Array.isArray(list) ? list : list ? [list] : [];
    const n = given.get(c.route) ?? 0;
    given.set(c.route, n + 1);
    const a = answers[Math.min(n, answers.length - 1)]!;
    return typeof a == 'function' ? a(c) : a;
  }
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const u = new URL(String(input));
    const path = u.pathname.replace(/^.*?\/api\/v1\/livechat\//, '');
    const method = init.method ?? 'GET';
    const route = method + ' ' + path.split('/')[0];
    const call = {
      method,
      path,
      route,
      query: Object.fromEntries(u.searchParams),
      // what the widget's API built from its route's body type
      body: init.body == null ? undefined : JSON.parse(String(init.body)),
      headers: new Headers(init.headers),
      url: u.href,
    };
    calls.push(call);
    const r = isAnswered(route) ? await answer({ ...call, route }) : rcError('no route ' + route, undefined, 404);
    // Like a real fetch: an aborted request rejects (endSession aborts everything in flight).
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (r instanceof Error) throw r;
    // A Response body can be read once; answers may be handed out again.
    return r.clone();
  });
  vi.stubGlobal('fetch', fetch);
  const to = <R extends Route>(route: R): Call<R>[] => calls.filter((c): c is Call<R> => c.route == route);
  return { fetch, calls, to };
}

export const settings = (over: Partial<ConfigSettings> = {}): ConfigSettings => ({
  registrationForm: true,
  allowSwitchingDepartments: true,
  nameFieldRegistrationForm: true,
  emailFieldRegistrationForm: true,
  displayOfflineForm: true,
  videoCall: false,
  fileUpload: false,
  language: '',
  transcript: false,
  historyMonitorType: 'url',
  forceAcceptDataProcessingConsent: false,
  showConnecting: false,
  agentHiddenInfo: false,
  clearLocalStorageWhenChatEnded: false,
  limitTextLength: false,
  hiddenSystemMessages: [],
  hideWatermark: false,
  visitorsCanCloseChat: true,
  ...over,
});

/** The §4.1 minimal config, with overrides. */
export const makeConfig = (over: Partial<Config> = {}, s: Partial<ConfigSettings> = {}): Config => ({
  enabled: true,
  online: true,
  settings: settings(s),
  theme: {
    title: 'Rocket.Chat',
    color: '#C1272D',
    offlineTitle: 'Leave a message',
    offlineColor: '#666666',
    position: 'right',
    background: '',
    actionLinks: { webrtc: [], jitsi: [] },
  },
  messages: {
    offlineMessage: '',
    offlineSuccessMessage: '',
    offlineUnavailableMessage: '',
    conversationFinishedMessage: 'Conversation finished',
    conversationFinishedText: '',
    transcriptMessage: '',
    registrationFormMessage: '',
    dataProcessingConsentText: '',
  },
  survey: { items: [], values: [] },
  triggers: [],
  departments: [],
  resources: { sound: 'http://rc.test/sounds/chime.mp3', emojis: [] },
  ...over,
});

export const configAnswer = (c: Config) => json({ config: c, success: true });

export const visitorAnswer = (token: string, over: Record<string, unknown> = {}) =>
  json({
    visitor: {
      _id: 'V1',
      username: 'guest-1',
      status: 'online',
      token,
      ts: '2024-05-02T12:34:56.789Z',
      _updatedAt: '2024-05-02T12:34:56.800Z',
      ...over,
    },
    success: true,
  });

export const roomAnswer = (rid: string, token: string) =>
  json({
    room: {
      _id: rid,
      t: 'l',
      msgs: 0,
      ts: '2024-05-02T12:35:00.000Z',
      _updatedAt: '2024-05-02T12:35:00.000Z',
      v: { _id: 'V1', username: 'guest-1', token, status: 'online' },
      open: true,
    },
    newRoom: true,
    success: true,
  });

/** A memory Kv whose calls can be inspected. */
export function spyKv(m = new Map<string, unknown>()) {
  const kv = {
    m,
    get: vi.fn(async (k: string) => structuredClone(m.get(k))),
    set: vi.fn(async (k: string, v: unknown) => void m.set(k, structuredClone(v))),
    del: vi.fn(async (k: string) => void m.delete(k)),
  };
  return kv satisfies Kv;
}

/** A few real macrotask turns, so fetch bodies and promise chains settle (also with fake setTimeout). */
export async function flush(turns = 5) {
  for (let i = 0; i < turns; i++) await new Promise<void>((r) => setImmediate(r));
}
