// The browser-test harness: one Chromium per test file, a fresh context (fresh visitor) and a fresh stand-in
// per test, host pages on another origin, and helpers for the widget's shadow DOM, the agent console API
// and the fault controls. Use at the top of a file: `const h = useHarness();`.
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/app.ts';
import { loadSeed, type Seed } from '../../server/seed.ts';
import type { Settings, StoredMessage, StoredRoom, StoredVisitor } from '../../server/store.ts';
import { en } from '../../src/i18n/en.ts';
import { startHostServer, type HostServer } from './host-server.ts';

/** Flags that work here (docs: shared/notes/browser-tests.md); Playwright adds --headless itself. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return '/usr/bin/chromium';
  }
}

/** The default demo seed with some settings changed (or departments, agents, custom fields replaced). */
export function seedWith(patch: { settings?: Settings } & Omit<Seed, 'settings'> = {}): Seed {
  const base = loadSeed();
  return { ...base, ...patch, settings: { ...base.settings, ...patch.settings } };
}

export interface HostPageOptions {
  /** extra `data-*` attributes for the script tag, without the `data-` prefix: `{ department: 'Sales' }` */
  attrs?: Record<string, string>;
  /** seed for this test's stand-in; only on the first page of a test (later pages share that server) */
  seed?: Seed;
  /** a whole host page; `%WIDGET%` is replaced by the script tag, `%SERVER%` by the stand-in's URL */
  html?: string;
  /** extra response headers for the page (a CSP: start the server first to name it there) */
  headers?: Record<string, string>;
  /** open this URL (e.g. a second tab of a page already registered) instead of registering a new page */
  url?: string;
  /** the context to open the page in (default: this test's context) */
  context?: BrowserContext;
}

/** Finds the widget's controls by role and label inside `<rc-livechat>` (locators pierce its open shadow root). */
export class Widget {
  readonly host: Locator;
  constructor(readonly page: Page) {
    this.host = page.locator('rc-livechat');
  }
  /** the round launcher: "Open chat" while closed, "Minimize chat" while open (a badge may follow) */
  get launcher(): Locator {
    return this.host.getByRole('button', { name: new RegExp(`^(${en.openChat}|${en.minimizeChat})`, 'i') });
  }
  get dialog(): Locator {
    return this.host.getByRole('dialog');
  }
  field(label: string | RegExp): Locator {
    return this.host.getByLabel(label);
  }
  get log(): Locator {
    return this.host.getByRole('log');
  }
  get composer(): Locator {
    return this.host.getByRole('textbox', { name: en.message });
  }
  get sendButton(): Locator {
    return this.host.getByRole('button', { name: en.send, exact: true });
  }
  get startButton(): Locator {
    return this.host.getByRole('button', { name: en.startChat });
  }
  async open(): Promise<void> {
    await this.launcher.click();
    await this.dialog.waitFor();
  }
  /** Fills the pre-chat form fields given (by label) and presses "Start chat". Selects are chosen by label. */
  async fillForm(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      const el = this.field(label);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption({ label: value });
      else await el.fill(value);
    }
  }
  async register(values: Record<string, string> = DEFAULT_VISITOR): Promise<void> {
    await this.fillForm(values);
    await this.startButton.click();
    await this.composer.waitFor();
  }
  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.sendButton.click();
  }
  /** The log's text as laid out (each message's text, time and status on lines of their own), for matching with
   * `expect.poll`: textContent would run "message 1" into its time "9:41". */
  async logText(): Promise<string> {
    return this.log.innerText();
  }
}

/** A visitor who passes the default seed's pre-chat form. */
export const DEFAULT_VISITOR: Record<string, string> = {
  [en.name]: 'Ada Lovelace',
  [en.email]: 'ada@example.com',
  'Order number': '12345',
};

export interface StorageSnapshot {
  databases: string[];
  localStorage: string[];
  cookie: string;
}

/** What the page's origin has stored, read without creating anything. */
export function storageOf(page: Page): Promise<StorageSnapshot> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
    localStorage: Object.keys(localStorage),
    cookie: document.cookie,
  }));
}

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface Harness {
  readonly browser: Browser;
  /** this test's context (in-memory storage: a fresh visitor) */
  readonly context: BrowserContext;
  readonly host: HostServer;
  /** this test's stand-in (started by the first page or fault call of the test) */
  readonly server: RunningServer;
  /** `rateLimit`: Rocket.Chat's limits (REST §1.5 and DDP's, as seeded); off unless asked, so that tests run fast */
  startServer(seed?: Seed, options?: { rateLimit?: boolean }): Promise<RunningServer>;
  /** another context (another visitor, or a persistent one's stand-in), closed with the test */
  newContext(): Promise<BrowserContext>;
  openHostPage(opts?: HostPageOptions): Promise<{ page: Page; widget: Widget; url: string }>;
  /** uncaught page errors of this test's pages, for failure messages */
  readonly pageErrors: string[];
  /** visitors, rooms and messages as the stand-in stores them */
  store: {
    visitors(): StoredVisitor[];
    rooms(): StoredRoom[];
    /** visitor-sent and agent-sent messages (system messages left out) of a room, oldest first */
    messages(rid: string): StoredMessage[];
    /** the only room; fails when there is not exactly one */
    onlyRoom(): StoredRoom;
  };
  agent: {
    take(rid: string, agentId?: string): Promise<unknown>;
    send(rid: string, msg: string): Promise<{ message: StoredMessage }>;
    typing(rid: string, typing: boolean): Promise<unknown>;
    close(rid: string, comment?: string): Promise<unknown>;
    status(agentId: string, status: 'online' | 'away' | 'busy' | 'offline'): Promise<unknown>;
  };
  faults: {
    /** the next `count` requests to `route` (e.g. "POST livechat/message") answer `status` */
    fail(route: string, status: number, count?: number): Promise<void>;
    delay(route: string, delayMs: number): Promise<void>;
    malformed(route: string, count?: number): Promise<void>;
    dropSockets(): Promise<void>;
    reset(): Promise<void>;
  };
}

export function useHarness(): Harness {
  let browser: Browser | undefined;
  let host: HostServer | undefined;
  let context: BrowserContext | undefined;
  let server: RunningServer | undefined;
  let serverStarting: Promise<RunningServer> | undefined;
  const extraContexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [browser, host] = await Promise.all([
      chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS }),
      startHostServer(inject('widgetFile')),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  beforeEach(async () => {
    pageErrors.length = 0;
    context = await browser!.newContext();
  });
  afterEach(async () => {
    await Promise.all([context, ...extraContexts.splice(0)].map((c) => c?.close()));
    await server?.close();
    server = serverStarting = undefined;
  });

  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`harness: no ${what} yet`);
    return v;
  };

  const ensureServer = (seed?: Seed, { rateLimit = false } = {}): Promise<RunningServer> => {
    if (serverStarting && (seed || rateLimit)) throw new Error('harness: this test already started its server; pass the seed on its first page');
    serverStarting ??= startServer({ port: 0, rateLimit, faults: true, seed: seed ?? loadSeed() }).then((s) => (server = s));
    return serverStarting;
  };
  const serverUrl = async () => (await ensureServer()).url;
  const faultCall = async (method: string, path: string, body?: unknown) => {
    await call(await serverUrl(), method, path, body);
  };
  const agentCall = async <T>(method: string, path: string, body?: unknown) => call<T>(await serverUrl(), method, '/agent/api' + path, body ?? {});

  const h: Harness = {
    get browser() {
      return need(browser, 'browser');
    },
    get context() {
      return need(context, 'context');
    },
    get host() {
      return need(host, 'host server');
    },
    get server() {
      return need(server, 'server');
    },
    startServer: ensureServer,
    async newContext() {
      const c = await h.browser.newContext();
      extraContexts.push(c);
      return c;
    },
    pageErrors,
    async openHostPage(opts = {}) {
      const srv = await ensureServer(opts.seed);
      let url = opts.url;
      if (!url) {
        const attrs = Object.entries(opts.attrs ?? {})
          .map(([k, v]) => ` data-${k}="${v.replace(/"/g, '&quot;')}"`)
          .join('');
        const tag = `<script async src="/livechat.js" data-server="${srv.url}"${attrs}></script>`;
        const html =
          opts.html ??
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head><body><h1>Host page</h1>%WIDGET%</body></html>`;
        url = h.host.page(html.replaceAll('%WIDGET%', tag).replaceAll('%SERVER%', srv.url), opts.headers);
      }
      const page = await (opts.context ?? h.context).newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(url);
      return { page, widget: new Widget(page), url };
    },
    store: {
      visitors: () => [...h.server.store.visitors.values()],
      rooms: () => [...h.server.store.rooms.values()],
      messages: (rid) => h.server.store.roomMessages(rid).filter((m) => !m.t),
      onlyRoom() {
        const rooms = h.store.rooms();
        if (rooms.length !== 1) throw new Error(`expected one room, found ${rooms.length}`);
        return rooms[0];
      },
    },
    agent: {
      take: (rid, agentId) => agentCall('POST', `/rooms/${rid}/take`, agentId ? { agentId } : {}),
      send: (rid, msg) => agentCall('POST', `/rooms/${rid}/messages`, { msg }),
      typing: (rid, typing) => agentCall('POST', `/rooms/${rid}/typing`, { typing }),
      close: (rid, comment) => agentCall('POST', `/rooms/${rid}/close`, comment ? { comment } : {}),
      status: (agentId, status) => agentCall('POST', `/agents/${agentId}/status`, { status }),
    },
    faults: {
      fail: (route, status, count = 1) => faultCall('POST', '/__faults', { route, status, count }),
      delay: (route, delayMs) => faultCall('POST', '/__faults', { route, delayMs }),
      malformed: (route, count = 1) => faultCall('POST', '/__faults', { route, malformed: true, count }),
      dropSockets: () => faultCall('POST', '/__faults/drop-sockets'),
      reset: () => faultCall('DELETE', '/__faults'),
    },
  };
  return h;
}
