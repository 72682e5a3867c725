/*
 * Agent console: a page for a person at GET /agent, and the small JSON API it (and the browser
 * tests) use. This is our own API, not Rocket.Chat's. JSON in and out, dates as ISO strings;
 * errors are `{ "error": "<code>" }` with 400/404/409/413. Every action goes through the store, so
 * the widget sees it over DDP like a real agent's (agentData, agentStatus, messages, typing, close).
 *
 *   GET    /agent                                  the console page (self-contained HTML)
 *   GET    /agent/api/agents                       → { agents: [{ _id, username, name, status, departments }] }
 *   POST   /agent/api/agents/:agentId/status       { status: "online"|"away"|"busy"|"offline" }
 *                                                  → { agent, rooms: [rid…] }  (agentStatus sent to those rooms)
 *   GET    /agent/api/rooms                        → { waiting: [Room], open: [Room], closed: [Room] }, newest first
 *          Room = { _id, state, fname, ts, lm, msgs, departmentId?, department? (name), servedBy?, closedAt?, closer?,
 *                   livechatData, customFields: [{ _id, label, value }] (visitor's, then room's),
 *                   visitor: { _id, username, name?, email?, phone?, department? (name), livechatData } }
 *   GET    /agent/api/rooms/:rid                   → { room: Room }
 *   GET    /agent/api/rooms/:rid/messages          → { messages: [Message] }, oldest first
 *   POST   /agent/api/rooms/:rid/take              { agentId? } (default: first seeded agent) → { room }  (agentData)
 *   POST   /agent/api/rooms/:rid/messages          { msg } sent by the serving agent → { message }
 *   POST   /agent/api/rooms/:rid/files             multipart: file, msg?, description? — sent by the serving agent through
 *                                                  Rocket.Chat's upload checks → { message } (file, files, attachments)
 *   PUT    /agent/api/rooms/:rid/messages/:mid     { msg } an agent's own message, edited → { message } (editedAt, editedBy)
 *   POST   /agent/api/rooms/:rid/typing            { typing: boolean } → { typing }  (<rid>/user-activity)
 *   DELETE /agent/api/rooms/:rid/messages/:mid     → { _id }  (<rid>/deleteMessage; its files go too)
 *   GET    /agent/api/files/:fileId                the uploaded file itself, for the console (no visitor token)
 *   POST   /agent/api/rooms/:rid/close             { comment?, agentId? } → { room }  (livechat-close message)
 *   GET    /agent/api/events                       Server-Sent Events; each `data:` is { stream, eventName, args }
 *                                                  for every store stream event (the DDP events, unfiltered)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store.ts';
import { close, findRoom, setStatus, setTyping, take } from './actions.ts';
import { sendFileToAgent } from './files.ts';
import { CORS_HEADERS, HttpError, readJson, sendJson } from './http.ts';
import { deleteMessage, editMessage, sendFile, sendMessage } from './messages.ts';
import { consolePage } from './page.ts';
import { streamEvents } from './sse.ts';
import { roomLists, roomView } from './views.ts';

type Body = Record<string, unknown>;
/** `body` is the JSON body; a route that reads a multipart form reads `req` itself (and gets `{}`). */
type Handler = (store: Store, params: string[], body: Body, req: IncomingMessage) => unknown;

const ID = '([^/]+)';
/** A route's body is JSON unless marked 'multipart'. */
const routes: [method: string, pattern: RegExp, handler: Handler, body?: 'multipart'][] = [
  ['GET', /^\/agents$/, (s) => ({ agents: [...s.agents.values()] })],
  ['POST', new RegExp(`^/agents/${ID}/status$`), (s, [id], b) => setStatus(s, id, b)],
  ['GET', /^\/rooms$/, (s) => roomLists(s)],
  ['GET', new RegExp(`^/rooms/${ID}$`), (s, [rid]) => ({ room: roomView(s, findRoom(s, rid)) })],
  ['GET', new RegExp(`^/rooms/${ID}/messages$`), (s, [rid]) => ({ messages: s.roomMessages(findRoom(s, rid)._id) })],
  ['POST', new RegExp(`^/rooms/${ID}/take$`), (s, [rid], b) => take(s, rid, b)],
  ['POST', new RegExp(`^/rooms/${ID}/messages$`), (s, [rid], b) => sendMessage(s, rid, b)],
  ['POST', new RegExp(`^/rooms/${ID}/files$`), (s, [rid], _body, req) => sendFile(s, rid, req), 'multipart'],
  ['PUT', new RegExp(`^/rooms/${ID}/messages/${ID}$`), (s, [rid, mid], b) => editMessage(s, rid, mid, b)],
  ['POST', new RegExp(`^/rooms/${ID}/typing$`), (s, [rid], b) => setTyping(s, rid, b)],
  ['DELETE', new RegExp(`^/rooms/${ID}/messages/${ID}$`), (s, [rid, mid]) => deleteMessage(s, rid, mid)],
  ['POST', new RegExp(`^/rooms/${ID}/close$`), (s, [rid], b) => close(s, rid, b)],
];

async function api(store: Store, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end();
    return;
  }
  if (method === 'GET' && path === '/events') return streamEvents(store, req, res);
  const file = method === 'GET' ? /^\/files\/([^/]+)$/.exec(path) : null;
  if (file) return sendFileToAgent(store, res, file[1]);
  const candidates = routes.filter(([, pattern]) => pattern.test(path));
  const route = candidates.find(([m]) => m === method);
  if (!route) return sendJson(res, candidates.length ? 405 : 404, { error: candidates.length ? 'method-not-allowed' : 'not-found' });
  try {
    const params = (route[1].exec(path) ?? []).slice(1).map(decodeURIComponent);
    const body = method === 'GET' || route[3] === 'multipart' ? {} : await readJson(req);
    sendJson(res, 200, await route[2](store, params, body, req));
  } catch (err) {
    if (err instanceof URIError) return sendJson(res, 400, { error: 'invalid-path' });
    if (!(err instanceof HttpError)) throw err;
    sendJson(res, err.status, { error: err.code });
  }
}

export function agentRoutes(store: Store): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  return async (req, res, url) => {
    const path = url.pathname;
    if (path === '/agent' || path === '/agent/') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : consolePage());
      return true;
    }
    if (!path.startsWith('/agent/api/')) return false;
    await api(store, req, res, path.slice('/agent/api'.length));
    return true;
  };
}
