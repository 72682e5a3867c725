// Helpers for the message-order tests (issue 18, widget spec §6): the widget's socket through a gate the test
// controls, a fast typist, a watch on the "Sending paused" countdown, and the figures each run prints.
import type { BrowserContext } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { storedTexts, waitFor } from './chat.ts';
import type { Harness, Widget } from './harness.ts';

/** The widget's DDP socket (`…/websocket`) passes through the test. While the gate is shut its frames are held, so
 * the handshake never completes and the widget sends over REST, as it would while a socket is still connecting
 * on a slow network; nothing in the widget is switched. Counts the sendMessageLivechat calls that went through. */
export async function socketGate(context: BrowserContext, { open }: { open: boolean }) {
  let through = open;
  const held: (() => void)[] = [];
  const gate = { methodCalls: 0, ready: false };
  await context.routeWebSocket(/\/websocket$/, (page) => {
    const server = page.connectToServer();
    page.onMessage((frame) => {
      const pass = () => {
        if (String(frame).includes('"sendMessageLivechat"')) gate.methodCalls++;
        server.send(frame);
      };
      if (through) pass();
      else held.push(pass);
    });
    server.onMessage((frame) => {
      if (String(frame).includes('"msg":"ready"')) gate.ready = true;
      page.send(frame);
    });
  });
  return Object.assign(gate, {
    letThrough() {
      through = true;
      held.splice(0).forEach((pass) => pass());
    },
  });
}

/** The 14 messages of the issue's run: a visitor typing quickly, one after the other. */
export const FOURTEEN = Array.from({ length: 14 }, (_, i) => `quick message ${i + 1}`);

export async function typeFast(widget: Widget, texts: string[]) {
  for (const text of texts) await widget.send(text);
}

/** "Sending paused for {n} seconds" in either plural form, as the widget fills it in. */
const PAUSED = new RegExp(`(?:${[en.sendingPaused.one, en.sendingPaused.other].map((form) => form.replace('{n}', '(\\d+)')).join('|')})`);

/** The seconds the log's "Sending paused" shows now, 0 when it shows none. */
export async function shownPause(widget: Widget): Promise<number> {
  const match = PAUSED.exec(await widget.logText().catch(() => ''));
  return match ? Number(match[1] ?? match[2]) : 0;
}

/** Watches the log for the paused state until stopped: the most seconds it showed (0 = never paused). */
export function watchPause(widget: Widget) {
  let most = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      most = Math.max(most, await shownPause(widget));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    running = false;
    await done;
    return most;
  };
}

/** Waits until the stand-in stores every text, then returns how long that took from `since`. */
export async function delivered(h: Harness, rid: string, texts: string[], since: number, timeoutMs = 30_000) {
  await waitFor(`${texts.length} messages stored`, () => texts.every((t) => storedTexts(h, rid).includes(t)), timeoutMs);
  return Date.now() - since;
}

/** One line per run, for the issue's figures (printed, not asserted). */
export const report = (what: string, figures: Record<string, string | number>) =>
  console.log(
    `[order] ${what}: ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

/** For tests of REST's answers to sending (faults armed on `POST livechat/message`): the socket is held, so the
 * widget sends over REST as it does while its socket is not up. */
export const sendOverRest = (context: BrowserContext) => socketGate(context, { open: false });
