// GET /avatar/<username>: nobody uploads avatars here, so every answer is Rocket.Chat's letter fallback
// (apps/meteor/server/routes/avatar/user.ts userAvatarByUsername and utils.ts renderSVGLetters, 6.x/7.x defaults).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from './store.ts';

const PREFIX = '/avatar/';
/** The Last-Modified every letter avatar carries, so a browser's If-Modified-Since gets a 304. */
const FALLBACK_LAST_MODIFIED = 'Thu, 01 Jan 2015 00:00:00 GMT';
const COLORS = ['#158D65', '#7F1B9F', '#B68D00', '#E26D0E', '#10529E', '#6C727A']; // utils/lib/getAvatarColor.ts

const firstLetter = (name: string) =>
  name
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 1)
    .toUpperCase();

/** renderSVGLetters: the first letter (or up to three initials), on a colour chosen by the name's length. */
export function renderSvgLetters(name: string, viewSize = 200, allInitials = false): string {
  const color = name === '?' ? '#000' : COLORS[name.length % COLORS.length];
  const initials = name === '?' ? '?' : allInitials ? name.split(' ').slice(0, 3).map(firstLetter).join('') : firstLetter(name);
  const reduction = initials.length > 1 ? initials.length ** 2 / 10 : 0;
  const fontSize = viewSize / (1.6 + reduction);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${viewSize} ${viewSize}">\n<rect width="100%" height="100%" fill="${color}"/>\n` +
    `<text x="50%" y="50%" dy="0.36em" text-anchor="middle" pointer-events="none" fill="#ffffff" font-family="'Helvetica', 'Arial', 'Lucida Grande', 'sans-serif'" font-size="${fontSize}">\n${initials}\n</text>\n</svg>`
  );
}

/** `?size=` clamped to 16…1024 (getAvatarSizeFromRequest); none → 200. */
function requestedSize(url: URL): number | undefined {
  const size = parseInt(url.searchParams.get('size') ?? '', 10);
  return size ? Math.min(Math.max(size, 16), 1024) : undefined;
}

/** The display name of a known user, for UI_Use_Name_Avatar. */
function nameOf(store: Store, username: string): string | undefined {
  const lower = username.toLowerCase();
  for (const a of store.agents.values()) if (a.username.toLowerCase() === lower) return a.name;
  for (const v of store.visitors.values()) if (v.username.toLowerCase() === lower) return v.name;
  return undefined;
}

/** Answers `GET /avatar/<username>` (and `/avatar/@<name>`, always letters); false for other paths. */
export function serveAvatar(store: Store, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (!url.pathname.startsWith(PREFIX) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  let username: string;
  try {
    username = decodeURIComponent(url.pathname.slice(PREFIX.length));
  } catch {
    username = '';
  }
  if (!username || username.includes('/')) {
    res.writeHead(404).end();
    return true;
  }
  const svg = (text: string, allInitials = false) => {
    res.setHeader('Content-Type', 'image/svg+xml');
    res.end(req.method === 'HEAD' ? undefined : renderSvgLetters(text, requestedSize(url), allInitials));
  };
  // middlewares/auth.ts: a blocked unauthenticated request (a visitor always is) gets plain letters, no cache headers
  if (store.setting('Accounts_AvatarBlockUnauthenticatedAccess')) {
    res.statusCode = 200;
    svg(username);
    return true;
  }
  res.setHeader('Cache-Control', `public, max-age=${Number(url.searchParams.get('cacheTime')) || Number(store.setting('Accounts_AvatarCacheTime'))}`);
  res.setHeader('Content-Disposition', 'inline');
  res.setHeader('Last-Modified', FALLBACK_LAST_MODIFIED);
  if (username.startsWith('@')) {
    svg(username.slice(1), Boolean(store.setting('UI_Use_Name_Avatar')));
    return true;
  }
  if (req.headers['if-modified-since'] === FALLBACK_LAST_MODIFIED) {
    res.writeHead(304).end();
    return true;
  }
  const name = store.setting('UI_Use_Name_Avatar') ? nameOf(store, username) : undefined;
  if (name) svg(name, true);
  else svg(username);
  return true;
}
