// Where the widget's parts are and how they look, through a journey, for comparing a themed host page with a plain
// one (widget spec §2). Used by hostile-css.test.ts.
import type { Page } from 'playwright-core';
import { agentAnswers, launcherOf } from './pages.ts';
import type { Harness, HostPageOptions, Widget } from './harness.ts';
import { en } from '../../src/i18n/en.ts';

const SELECTORS = {
  closed: ['button[aria-expanded]', 'button[aria-expanded] svg'],
  form: ['[role=dialog]', 'header', 'h2', 'label', 'input', 'button[type=submit]'],
  chat: ['[role=log]', '[role=log] > div', 'textarea', `button[aria-label="${en.send}"]`],
} as const;

/** Boxes and the styles that make them legible, of the widget's parts in one state; whether each is hit at its centre. */
async function measure(page: Page, selectors: readonly string[]) {
  return page.evaluate(async (sels) => {
    const root = document.querySelector('rc-livechat')!.shadowRoot!;
    // the panel fades in: measured mid-animation it would differ from itself
    await Promise.all(root.getAnimations().map((a) => a.finished));
    return sels.map((sel) => {
      const el = root.querySelector(sel);
      if (!el) return { sel, missing: true };
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      // hit-testing honours clipping and covering, which no computed style shows
      const hit = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        sel,
        box: [r.x, r.y, r.width, r.height].map(Math.round),
        hit: !!hit && (hit === el || el.contains(hit) || hit.contains(el)),
        style: [cs.display, cs.visibility, cs.opacity, cs.fontSize, cs.lineHeight, cs.color, cs.boxSizing, cs.letterSpacing].join(' '),
      };
    });
  }, selectors);
}

export type Layout = Awaited<ReturnType<typeof journeyLayout>>;

/** The widget measured closed, on the pre-chat form and in a conversation with an agent's answer. */
export async function journeyLayout(h: Harness, page: Page, widget: Widget) {
  await launcherOf(widget).waitFor();
  const closed = await measure(page, SELECTORS.closed);
  await widget.open();
  const form = await measure(page, SELECTORS.form);
  await agentAnswers(h, widget);
  return { closed, form, chat: await measure(page, SELECTORS.chat) };
}

/** The journey's layout on a host page opened in a context of its own (another visitor of the same stand-in). */
export async function layoutOf(h: Harness, opts: HostPageOptions): Promise<Layout> {
  const { page, widget } = await h.openHostPage({ ...opts, context: opts.context ?? (await h.newContext()) });
  return journeyLayout(h, page, widget);
}

/** A host page with `css` in a <style>, `body` for content, and the widget script last (or an empty one). */
export const themedPage = (css: string, body: string, widget = true) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Themed</title><style>${css}</style></head><body>${body}${widget ? '%WIDGET%' : '<script></script>'}</body></html>`;
