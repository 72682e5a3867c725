// Widget spec §9: every text from the server (agent messages and names, departments, custom field labels, config
// texts) renders as inert text, links only for http(s); long words and bidi overrides do not break the layout.
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { agentAnswers, watch, type Watch } from './pages.ts';
import { DEFAULT_VISITOR, seedWith, useHarness } from './harness.ts';
import { en } from '../../src/i18n/en.ts';
import { english } from './english.ts';

const h = useHarness();

const RLO = '\u202E';
const PAYLOADS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  js: 'javascript:alert(1)',
  anchor: '<a href="javascript:alert(1)">click</a>',
  svg: '<svg onload=alert(1)><path d="M0 0"/></svg>',
  rtl: `${RLO}gnp.exe`,
  word: 'W'.repeat(5000),
};

/** The only tags the widget renders; anything else in its shadow root came from a payload. */
const OUR_TAGS = new Set([
  'div',
  'button',
  'svg',
  'path',
  'header',
  'h2',
  'p',
  'form',
  'label',
  'input',
  'select',
  'option',
  'textarea',
  'span',
  'a',
  'bdi',
  'time',
]);

/** Markup that should not be there: foreign tags, event-handler attributes, icons that are not ours, links that
 * are not plain http(s) ones opening a new browsing context without an opener; in the shadow root and the page. */
function foreignMarkup(page: Page): Promise<string[]> {
  return page.evaluate(
    (ours) => {
      const bad: string[] = [];
      const root = document.querySelector('rc-livechat')!.shadowRoot!;
      const light = [...document.querySelectorAll('body *')].filter((e) => !['MAIN', 'H1', 'P', 'SCRIPT', 'RC-LIVECHAT'].includes(e.tagName));
      for (const e of light) bad.push(`page: <${e.tagName.toLowerCase()}>`);
      for (const e of [...document.querySelectorAll('*'), ...root.querySelectorAll('*')]) {
        const tag = e.tagName.toLowerCase();
        if (e.getRootNode() === root && !ours.includes(tag)) bad.push(`<${tag}>`);
        for (const a of e.attributes) if (a.name.startsWith('on')) bad.push(`<${tag} ${a.name}>`);
        if (tag === 'svg' && (e.getAttribute('aria-hidden') !== 'true' || [...e.children].some((c) => c.tagName !== 'path')))
          bad.push(`svg: ${e.outerHTML.slice(0, 80)}`);
        if (tag === 'a' && e.getRootNode() === root) {
          const href = e.getAttribute('href') ?? '';
          if (!/^https?:\/\//.test(href) || e.getAttribute('rel') !== 'noopener noreferrer' || e.getAttribute('target') !== '_blank')
            bad.push(`a: ${e.outerHTML.slice(0, 120)}`);
        }
      }
      return bad;
    },
    [...OUR_TAGS],
  );
}

/** Elements whose content spills out sideways (a long word not wrapped) or that scroll sideways; content an
 * element clips on purpose (a one-line title with an ellipsis) is not either. */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('rc-livechat')!.shadowRoot!;
    const panel = root.querySelector('[role=dialog]')!.getBoundingClientRect();
    const clips = (e: Element) => ['hidden', 'clip'].includes(getComputedStyle(e).overflowX);
    const clippedInside = (e: Element) => {
      for (let a = e.parentElement; a && a.getAttribute('role') !== 'dialog'; a = a.parentElement) if (clips(a)) return true;
      return false;
    };
    return [...root.querySelectorAll('[role=dialog] *')]
      .filter((e) => (e.scrollWidth > e.clientWidth + 1 && !clips(e)) || (e.getBoundingClientRect().right > panel.right + 1 && !clippedInside(e)))
      .filter((e) => e.tagName !== 'OPTION' && !e.closest('select')) // a select's popup is drawn by the browser
      .filter((e) => e.getBoundingClientRect().width > 1) // visually hidden labels clip by design
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`);
  });
}

/** Whether the visible order of `text`'s first and last characters inside `scope` is the reading order (no bidi
 * override from text before it reaches it). The text may span several text nodes. */
function readsForward(scope: Locator, text: string): Promise<boolean> {
  return scope.evaluate((el, text) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const at = nodes
      .map((n) => n.data)
      .join('')
      .indexOf(text);
    if (at < 0) throw new Error(`no text ${text} in ${el.textContent}`);
    const x = (i: number) => {
      let n = 0;
      for (; i >= nodes[n].data.length; n++) i -= nodes[n].data.length;
      const r = document.createRange();
      r.setStart(nodes[n], i);
      r.setEnd(nodes[n], i + 1);
      return r.getBoundingClientRect().x;
    };
    return x(at) < x(at + text.length - 1);
  }, text);
}

async function expectInert(page: Page, w: Watch, where: string) {
  expect({ where, foreign: await foreignMarkup(page), dialogs: w.dialogs, errors: h.pageErrors }).toEqual({
    where,
    foreign: [],
    dialogs: [],
    errors: [],
  });
}

test('widget §9: agent messages with markup, javascript: links, RTL overrides, a 5,000-char word and a 20,000-char message are inert text', async () => {
  const w = await watch(h.context);
  const { page, widget } = await h.openHostPage();
  const rid = await agentAnswers(h, widget);
  const long = 'Lorem ipsum dolor sit amet. '.repeat(715).slice(0, 20_000);
  const link = 'See https://example.com/help?a=1&b=2, not javascript:alert(1) or data:text/html,<b>x</b>';
  for (const msg of [...Object.values(PAYLOADS), long, link, `${RLO}reversed`]) await h.agent.send(rid, msg);
  await expect.poll(() => widget.log.locator(':scope > div').count(), { timeout: 10_000 }).toBe(2 + Object.keys(PAYLOADS).length + 3);
  // each arrives verbatim as the whole text of one element
  for (const text of [...Object.values(PAYLOADS), long, link, `${RLO}reversed`]) {
    expect(await widget.log.getByText(text, { exact: true }).textContent()).toBe(text);
  }
  await expectInert(page, w, 'agent messages');
  const links = await widget.log.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toEqual(['https://example.com/help?a=1&b=2']);
  expect(await sidewaysOverflow(page)).toEqual([]);
  // an override inside one message stops at its bubble: the next message reads forward
  await h.agent.send(rid, 'after the override');
  await widget.log.getByText('after the override').waitFor();
  expect(await readsForward(widget.log.locator(':scope > div').last(), 'after the override')).toBe(true);
});

test('widget §9: agent names, department names, custom field labels and config texts carrying payloads are inert text', async () => {
  const seed = seedWith({
    settings: {
      Livechat_title: `${PAYLOADS.script} ${PAYLOADS.word}`,
      Livechat_registration_form_message: `${PAYLOADS.svg} ${PAYLOADS.js} https://example.com/terms`,
      Livechat_force_accept_data_processing_consent: true,
      Livechat_data_processing_consent_text: `${PAYLOADS.img} ${PAYLOADS.anchor}`,
      Livechat_conversation_finished_message: PAYLOADS.script,
    },
    departments: [
      { _id: 'dep-a', name: PAYLOADS.img, enabled: true, showOnRegistration: true },
      { _id: 'dep-b', name: PAYLOADS.word, enabled: true, showOnRegistration: true },
      { _id: 'dep-c', name: PAYLOADS.rtl, enabled: true, showOnRegistration: true },
    ],
    customFields: [
      { _id: 'cf1', label: PAYLOADS.svg, scope: 'visitor', visibility: 'visible', public: true, type: 'input' },
      { _id: 'cf2', label: `${PAYLOADS.rtl}`, scope: 'visitor', visibility: 'visible', public: true, type: 'input' },
      {
        _id: 'cf3',
        label: PAYLOADS.word,
        scope: 'visitor',
        visibility: 'visible',
        public: true,
        type: 'select',
        options: `${PAYLOADS.script}, ${PAYLOADS.js}`,
      },
    ],
    agents: [
      {
        _id: 'agent-1',
        username: 'agent1',
        name: `${PAYLOADS.img}${PAYLOADS.word}${RLO}`,
        status: 'online',
        departments: ['dep-a', 'dep-b', 'dep-c'],
      },
    ],
  });
  const w = await watch(h.context);
  const { page, widget } = await h.openHostPage({ seed });
  await widget.open();
  await widget.host.getByRole('button', { name: en.accept }).waitFor();
  expect(await widget.dialog.textContent()).toContain(`${PAYLOADS.img} ${PAYLOADS.anchor}`);
  await expectInert(page, w, 'consent');
  await widget.host.getByRole('button', { name: en.accept }).click();
  await widget.startButton.waitFor();
  expect(await widget.host.locator('h2').textContent()).toBe(`${PAYLOADS.script} ${PAYLOADS.word}`);
  const options = await widget.field(en.department).locator('option').allTextContents();
  expect(options.slice(1)).toEqual([PAYLOADS.img, PAYLOADS.word, PAYLOADS.rtl]);
  const optional = (label: string) => english('optionalLabel', { label });
  expect(await widget.host.locator('label').allTextContents()).toEqual(expect.arrayContaining([optional(PAYLOADS.svg), optional(PAYLOADS.word)]));
  // an override in a label must not turn the "(optional)" after it around
  expect(await readsForward(widget.host.locator('label', { hasText: PAYLOADS.rtl }), optional('').trim())).toBe(true);
  expect(await widget.dialog.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['https://example.com/terms']);
  await expectInert(page, w, 'pre-chat form');
  expect(await sidewaysOverflow(page)).toEqual([]);

  await widget.register({ [en.name]: DEFAULT_VISITOR[en.name], [en.email]: DEFAULT_VISITOR[en.email] });
  await widget.send('Hi');
  await expect.poll(() => h.store.rooms().length, { timeout: 10_000 }).toBe(1);
  const rid = h.store.onlyRoom()._id;
  await h.agent.take(rid);
  await h.agent.send(rid, 'Hello');
  await widget.log.getByText('Hello', { exact: true }).waitFor();
  const agentName = `${PAYLOADS.img}${PAYLOADS.word}${RLO}`;
  expect(await widget.log.getByText(agentName, { exact: true }).textContent()).toBe(agentName);
  // the agent's name ends with an override: the status after it in the header still reads forward
  expect(await readsForward(widget.host.locator('header'), en.agentOnline)).toBe(true);
  await expectInert(page, w, 'conversation');
  expect(await sidewaysOverflow(page)).toEqual([]);

  await h.agent.close(rid);
  await widget.host.getByRole('button', { name: en.startNewChat }).waitFor();
  await expectInert(page, w, 'finished');
});
