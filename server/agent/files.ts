// The console's own view of an uploaded file: an agent opens what a visitor sent without the visitor's token (Rocket.Chat
// would take the agent's login instead; the console has none).
import type { ServerResponse } from 'node:http';
import type { Store } from '../store.ts';
import { CORS_HEADERS, sendJson } from './http.ts';

export function sendFileToAgent(store: Store, res: ServerResponse, fileId: string): void {
  const file = store.files.get(fileId);
  if (!file) return sendJson(res, 404, { error: 'file-not-found' });
  res.writeHead(200, {
    'content-type': file.type || 'application/octet-stream',
    'content-length': file.size,
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'content-security-policy': "default-src 'none'",
    'cache-control': 'no-store',
    ...CORS_HEADERS,
  });
  res.end(file.data);
}
