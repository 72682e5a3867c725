// `npm run demo`: builds the widget, starts the stand-in on 127.0.0.1:3000 (default seed, rate limits on) and serves
// index.html, its favicon and dist/livechat.js from http://localhost:8080 — another origin, as a real site
// embedding the widget.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { startServer } from '../server/app.ts';

const ROOT = new URL('..', import.meta.url);
execFileSync(process.execPath, [new URL('node_modules/vite/bin/vite.js', ROOT).pathname, 'build'], { stdio: 'inherit' });
const server = await startServer({ port: 3000 });
// the host page, the widget as built, and the page's own static files from public/ (as vite serves them)
const files: Record<string, [string, string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/livechat.js': ['dist/livechat.js', 'text/javascript; charset=utf-8'],
  '/favicon.svg': ['public/favicon.svg', 'image/svg+xml'],
};
const site = http.createServer((req, res) => {
  const f = files[new URL(req.url ?? '/', 'http://localhost').pathname];
  if (!f) return res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': f[1], 'cache-control': 'no-store' });
  res.end(readFileSync(new URL(f[0], ROOT)));
});
site.listen(8080, () => {
  console.log(`host page:     http://localhost:8080/`);
  console.log(`agent console: ${server.url}/agent`);
});
