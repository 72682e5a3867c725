// A tiny static server for host pages, on a different origin from the stand-in (localhost:<p> vs 127.0.0.1:<p>),
// as a real site embedding the widget would be. Pages are registered by path so a reload serves the same page.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

export interface HostServer {
  /** `http://localhost:<port>` */
  origin: string;
  /** Registers an HTML page and returns its URL. */
  page(html: string): string;
  close(): Promise<void>;
}

export async function startHostServer(widgetFile: string): Promise<HostServer> {
  const widget = readFileSync(widgetFile);
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/livechat.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(widget);
    }
    const html = pages.get(path);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  // no host: Node listens dual-stack where it can, so "localhost" works whether Chromium picks ::1 or 127.0.0.1
  await new Promise<void>((done) => server.listen(0, done));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(html) {
      const path = `/page-${pages.size + 1}.html`;
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
