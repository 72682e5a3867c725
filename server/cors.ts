// Rocket.Chat's API CORS middleware (apps/meteor/app/api/server/middlewares/cors.ts, §1.6).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from './store.ts';

const ALLOW_METHODS = 'GET, POST, PUT, DELETE, HEAD, PATCH';
const ALLOW_HEADERS = 'Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, x-visitor-token, Authorization';

/** Sets the CORS headers, or answers 403 "Forbidden" itself; returns false when the request is finished. */
export function applyCors(store: Store, req: IncomingMessage, res: ServerResponse): boolean {
  if (!store.setting('API_Enable_CORS')) return true;
  const origin = req.headers.origin;
  if (!req.headers['access-control-request-method'] && !origin) return true;
  const setting = String(store.setting('API_CORS_Origin'));
  if (setting !== '*') {
    const origins = setting
      .trim()
      .split(',')
      .map((o) => o.trim().toLocaleLowerCase());
    if (!origins.includes(origin?.toLocaleLowerCase() ?? '')) {
      res.writeHead(403, 'Forbidden');
      res.end();
      return false;
    }
  }
  res.setHeader('Access-Control-Allow-Origin', setting === '*' ? '*' : (origin ?? '*'));
  res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
  res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
  return true;
}
