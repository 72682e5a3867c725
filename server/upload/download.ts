// `/file-upload/<id>/<name>` (§4.11): app/file-upload/server/lib/requests.ts, the access check of FileUpload.ts
// requestCanAccessFiles and the GridFS store's headers (app/file-upload/server/config/GridFS.ts). Refusals are bare
// statuses without a body, as there. Not followed: byte ranges and gzip (the whole file is sent), and addExtensionTo
// (Rocket.Chat may append the extension of the type to the name in Content-Disposition).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors } from '../cors.ts';
import type { Store, StoredFile } from '../store.ts';

const PREFIX = '/file-upload/';

/**
 * A visitor's credentials are `rc_room_type=l&rc_rid=<room>&rc_token=<visitor token>`: the room must be that visitor's
 * (open or closed, LivechatRooms.findOneByIdAndVisitorToken) and, as newest Rocket.Chat also checks, the room of the
 * file. Not followed: Rocket.Chat reads the four values from cookies instead whenever the request has a Cookie header
 * and no `rc_uid` (the official widget is same-origin and sets them), so a visitor whose browser holds any cookie for
 * the server's host fails this check there; agents' login tokens and JWTs do not exist here.
 */
function visitorMayRead(store: Store, query: URLSearchParams, file: StoredFile): boolean {
  if (!store.setting('FileUpload_ProtectFiles')) return true;
  const token = query.get('rc_token');
  const rid = query.get('rc_rid');
  const room = rid ? store.rooms.get(rid) : undefined;
  return query.get('rc_room_type') === 'l' && Boolean(token) && room?.v.token === token && file.rid === rid;
}

function refuse(res: ServerResponse, status: 403 | 404): void {
  res.writeHead(status);
  res.end();
}

/** Serves an upload, or answers 404 / 403; returns false for paths that are not under /file-upload/. */
export function serveUpload(store: Store, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (!url.pathname.startsWith(PREFIX)) return false;
  if (!applyCors(store, req, res)) return true;
  // requests.ts matches /<id>/<anything>: the name in the path is not checked
  const match = /^([^/]+)\/(.*)$/.exec(url.pathname.slice(PREFIX.length));
  const file = match ? store.files.get(match[1]) : undefined;
  if (!file) refuse(res, 404);
  else if (!visitorMayRead(store, url.searchParams, file)) refuse(res, 403);
  else {
    res.writeHead(200, {
      'Content-Security-Policy': "default-src 'none'",
      'Cache-Control': 'max-age=31536000',
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Last-Modified': file.uploadedAt.toUTCString(),
      'Content-Type': file.type || 'application/octet-stream',
      'Content-Length': file.size,
    });
    res.end(file.data);
  }
  return true;
}
