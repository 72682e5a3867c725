// Widget spec §8: axe-core finds nothing on any screen, light and dark; the journey works by keyboard alone;
// the open widget is a labelled dialog, the messages a log, and what changes is announced.
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type * as Axe from 'axe-core';
import { agentAnswers, launcherOf } from './pages.ts';
import { seedWith, useHarness, type Widget } from './harness.ts';
import { en } from '../../src/i18n/en.ts';

const h = useHarness();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

declare global {
  interface Window {
    /** axe-core, added to the page by violations() */
    axe?: typeof Axe;
  }
}

/** The WCAG 2.x A/AA rules and axe's best practices, except the page-level landmark rule: the widget is an overlay
 * on someone else's page, whose landmarks are the host's to arrange. */
const AXE_OPTIONS: Axe.RunOptions = {
  runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  rules: { region: { enabled: false } },
};

/** axe's violations inside the widget's shadow root, as "rule: target" lines, in the light and then the dark scheme. */
async function violations(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const lines = await page.evaluate(async (options) => {
      const root = document.querySelector('rc-livechat')!.shadowRoot!;
      await Promise.all(root.getAnimations().map((a) => a.finished)); // contrast is measured on the final colours
      const res = await window.axe!.run({ include: ['rc-livechat'] }, options);
      return res.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
    }, AXE_OPTIONS);
    found.push(...lines.map((l) => `${screen} (${colorScheme}) ${l}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** Whether the element holding `text` sits in an element screen readers announce changes of. */
const announced = (widget: Widget, text: string) =>
  widget.host
    .getByText(text, { exact: true })
    .evaluate((el) => !!el.closest('[role=alert],[role=status],[role=log],[aria-live=polite],[aria-live=assertive]'));

test('widget §8: axe finds nothing on the launcher, the form with errors, the conversation and the finished screen', async () => {
  const { page, widget } = await h.openHostPage();
  await launcherOf(widget).waitFor();
  const found = await violations(page, 'launcher');
  await widget.open();
  await widget.startButton.click();
  await expect.poll(() => widget.field(en.name).getAttribute('aria-invalid')).toBe('true');
  found.push(...(await violations(page, 'form with errors')));
  const rid = await agentAnswers(h, widget);
  found.push(...(await violations(page, 'conversation')));
  await h.agent.close(rid);
  await widget.host.getByRole('button', { name: en.startNewChat }).waitFor();
  found.push(...(await violations(page, 'finished')));
  expect(found).toEqual([]);
});

test('widget §8: axe finds nothing on the consent screen and the offline form (with its errors)', async () => {
  const seed = seedWith({
    settings: { Livechat_force_accept_data_processing_consent: true, Livechat_data_processing_consent_text: 'We keep your messages for 30 days.' },
    agents: [{ _id: 'agent-1', username: 'agent1', name: 'Agent One', status: 'offline', departments: ['dep-sales'] }],
  });
  const { page, widget } = await h.openHostPage({ seed });
  await widget.open();
  await widget.host.getByText('We keep your messages for 30 days.').waitFor();
  const found = await violations(page, 'consent');
  await widget.host.getByRole('button', { name: en.accept }).click();
  const send = widget.host.getByRole('button', { name: en.send });
  await send.waitFor();
  found.push(...(await violations(page, 'offline form')));
  await send.click();
  await expect.poll(() => widget.field(en.name).getAttribute('aria-invalid')).toBe('true');
  found.push(...(await violations(page, 'offline form with errors')));
  expect(found).toEqual([]);
});

/** The focused element inside the widget, described by its accessible handle (id, name or label). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('rc-livechat')?.shadowRoot?.activeElement;
    return el
      ? (el.getAttribute('name') ??
          el.getAttribute('aria-label') ??
          el.tagName.toLowerCase() + (el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''))
      : null;
  });

test('widget §8: keyboard alone — Tab to the launcher, Enter opens, fill and submit the form, Enter sends, Escape closes to the launcher', async () => {
  const { page, widget } = await h.openHostPage();
  await launcherOf(widget).waitFor();
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(en.openChat);
  await page.keyboard.press('Enter');
  await widget.dialog.waitFor();
  // by the form's field names: the visitor types into whatever the Tab order brings, selects keep their defaults
  const typed: Record<string, string> = { name: 'Ada Lovelace', email: 'ada@example.com', 'cf.orderNumber': '12345' };
  for (let i = 0; i < 12 && (await focused(page)) !== 'button[submit]'; i++) {
    const at = await focused(page);
    if (at && typed[at]) await page.keyboard.type(typed[at]);
    await page.keyboard.press('Tab');
  }
  expect(await focused(page)).toBe('button[submit]');
  await page.keyboard.press('Enter');
  await widget.composer.waitFor();
  for (let i = 0; i < 6 && (await focused(page)) !== en.message; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(en.message); // the composer
  await page.keyboard.type('Typed, not clicked');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => h.store.rooms().flatMap((r) => h.store.messages(r._id).map((m) => m.msg)), { timeout: 10_000 })
    .toEqual(['Typed, not clicked']);
  expect(h.store.visitors()[0]).toMatchObject({ name: 'Ada Lovelace' });
  await page.keyboard.press('Escape');
  await widget.dialog.waitFor({ state: 'detached' });
  expect(await focused(page)).toBe(en.openChat);
});

test('widget §8: the open widget is a dialog named by its title; messages are in a log; agent messages and form errors are announced', async () => {
  const { widget } = await h.openHostPage();
  await widget.open();
  await expect.poll(() => widget.host.getByRole('dialog', { name: 'Rocket.Chat' }).count()).toBe(1);
  await widget.fillForm({ [en.email]: 'not-an-email' });
  await widget.startButton.click();
  await widget.host.getByText(en.badEmail).waitFor();
  expect(await announced(widget, en.badEmail)).toBe(true);
  await agentAnswers(h, widget, 'An answer from the agent');
  const answer = widget.log.getByText('An answer from the agent', { exact: true });
  expect(await answer.count()).toBe(1);
  // role=log is polite by its role; the attribute says so to screen readers that do not know the role
  expect(await widget.log.getAttribute('aria-live')).toBe('polite');
});
