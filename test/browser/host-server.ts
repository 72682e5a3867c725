// A tiny static server for host pages, on a different origin from the stand-in (localhost:<p> vs 127.0.0.1:<p>),
// as a real site embedding the widget would be. Pages are registered by path so a reload serves the same page.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

export interface HostServer {
  /** `http://localhost:<port>` */
  origin: string;
  /** Registers an HTML page, served with these extra response headers (e.g. a CSP), and returns its URL. */
  page(html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startHostServer(widgetFile: string): Promise<HostServer> {
  const widget = readFileSync(widgetFile);
  const pages = new Map<string, { html: string; headers?: Record<string, string> }>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/livechat.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(widget);
    }
    // the browser asks for one on every page; a 404 would be a console error that tests watching the console see
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const found = pages.get(path);
    if (found === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...found.headers });
    res.end(found.html);
  });
  // no host: Node listens dual-stack where it can, so "localhost" works whether Chromium picks ::1 or 127.0.0.1
  await new Promise<void>((done) => server.listen(0, done));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(html, headers) {
      const path = `/page-${pages.size + 1}.html`;
      pages.set(path, { html, headers });
      return origin + path;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
