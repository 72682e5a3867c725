// The mounted widget (embed mount(), widget spec §3, §4.4, §4.5, §6): the composer's keys and length limit, a failed
// send that stays visible with its reason and a retry, and the whole first-visit flow (nothing stored before the
// visitor starts, pre-chat form → conversation).
import { fireEvent, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/api/contract.ts';
import { mount, type Widget } from '../../src/embed/mount.ts';
import { configAnswer, fakeRest, flush, json, makeConfig, rcError, roomAnswer, visitorAnswer, type Call } from './fake-rest.ts';
import { FakeWs } from './fake-ws.ts';
import { setAgent } from '../../src/state/agent.ts';
import { agentTyping, connection } from '../../src/state/connection.ts';
import { unread } from '../../src/state/ui.ts';

const TOKEN = 'ab'.repeat(32);
const returning = (s: Parameters<typeof makeConfig>[1] = {}) =>
  makeConfig({ guest: { _id: 'V1', username: 'guest-1', token: TOKEN, name: 'Jane' }, room: { _id: 'R1', open: true } }, s);
const sentOk = (c: Call<'POST message'>) =>
  json({
    message: {
      _id: c.body._id,
      rid: c.body.rid,
      msg: c.body.msg,
      token: c.body.token,
      u: { _id: 'V1', username: 'guest-1', name: 'Jane' },
      ts: new Date().toISOString(),
    },
    success: true,
  });

let widget: Widget | undefined;
let rest: ReturnType<typeof fakeRest>;
let q: ReturnType<typeof within>;
let root: ShadowRoot;

/** testing-library's queries over what the widget rendered into its shadow root (they do not search inside one). */
function widgetQueries(shadow: ShadowRoot) {
  const rendered = shadow.firstElementChild;
  if (!(rendered instanceof HTMLElement)) throw new Error('the widget rendered nothing into its shadow root');
  return within(rendered);
}

async function open(c: Config, routes: Parameters<typeof fakeRest>[0] = {}) {
  rest = fakeRest({
    'GET config': configAnswer(c),
    'GET messages.history': json({ messages: [], success: true }),
    'GET agent.info': rcError('invalid-agent'),
    'GET message': rcError('invalid-message'),
    'POST message': sentOk,
    'POST visitor': (call) => visitorAnswer(call.body.visitor.token),
    'GET room': (call) => roomAnswer('R1', call.query.token!),
    ...routes,
  });
  widget = mount({ server: 'http://rc.test', lang: 'en', open: true });
  root = document.querySelector('rc-livechat')!.shadowRoot!;
  q = widgetQueries(root);
  // the pre-chat form or the composer
  await vi.waitFor(() => expect(q.queryAllByRole('textbox')).not.toHaveLength(0));
}
const box = () => q.getByLabelText('Message') as HTMLTextAreaElement;
const typeMsg = (text: string) => fireEvent.input(box(), { target: { value: text } });
const log = () => q.getByRole('log');

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.stubGlobal('WebSocket', FakeWs);
  localStorage.clear();
});
afterEach(() => {
  widget?.remove();
  widget = undefined;
  FakeWs.all.length = 0;
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('widget §4.5: the composer', () => {
  it('widget §4.5: Enter sends (§4.3 token, rid, msg, _id); the message shows and the box empties', async () => {
    await open(returning());
    typeMsg('hello there');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(box().value).toBe('');
    expect(within(log()).getByText('hello there')).toBeTruthy();
    await vi.waitFor(() => expect(rest.to('POST message')).toHaveLength(1));
    const body = rest.to('POST message')[0]!.body;
    expect(body).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      rid: 'R1',
      msg: 'hello there',
      _id: expect.stringMatching(/^[23456789A-HJ-NP-Za-km-z]{17}$/),
    });
    await vi.waitFor(() => expect(within(log()).queryByText('Sending…')).toBeNull());
    expect(within(log()).getAllByText('hello there')).toHaveLength(1);
  });

  it('widget §4.5: Shift+Enter does not send (it is a newline); the text stays', async () => {
    await open(returning());
    typeMsg('line one');
    fireEvent.keyDown(box(), { key: 'Enter', shiftKey: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(rest.to('POST message')).toHaveLength(0);
    expect(box().value).toBe('line one');
    expect(within(log()).queryByText('line one')).toBeNull();
  });

  // isComposing, and Safari's variant: isComposing already false but keyCode 229.
  it.each([{ isComposing: true }, { keyCode: 229 }])('widget §4.5: the Enter that confirms an IME candidate (%o) does not send', async (ime) => {
    await open(returning());
    typeMsg('こんにちは');
    fireEvent.keyDown(box(), { key: 'Enter', ...ime });
    await new Promise((r) => setTimeout(r, 20));
    expect(rest.to('POST message')).toHaveLength(0);
    expect(box().value).toBe('こんにちは');
  });

  it('widget §4.5: Enter on an empty or blank box sends nothing', async () => {
    await open(returning());
    typeMsg('   ');
    fireEvent.keyDown(box(), { key: 'Enter' });
    await new Promise((r) => setTimeout(r, 20));
    expect(rest.to('POST message')).toHaveLength(0);
    expect(log().children).toHaveLength(0);
  });

  it.each([
    [140, 140],
    [false, null],
  ] as const)('§4.1 limitTextLength %s → maxlength %s', async (limit, attr) => {
    await open(returning({ limitTextLength: limit }));
    expect(box().getAttribute('maxlength')).toBe(attr == null ? null : String(attr));
  });

  it('widget §6: a send the server refuses stays visible, "Not sent" with its reason and "Try again", which resends', async () => {
    await open(returning(), { 'POST message': [rcError('message-length-exceeds-character-limit'), sentOk] });
    typeMsg('too long, says the server');
    fireEvent.keyDown(box(), { key: 'Enter' });
    await vi.waitFor(() => expect(within(log()).queryByText(/Not sent/)).not.toBeNull());
    const item = within(log()).getByText('too long, says the server').closest('div')!;
    expect(item.textContent).toContain('Not sent. The message is too long.');
    const retry = within(item as HTMLElement).getByRole('button', { name: 'Try again' });
    fireEvent.click(retry);
    await vi.waitFor(() => expect(rest.to('POST message')).toHaveLength(2));
    expect(rest.to('POST message')[1]!.body._id).toBe(rest.to('POST message')[0]!.body._id);
    await vi.waitFor(() => expect(within(log()).queryByText(/Not sent|Sending…/)).toBeNull());
    expect(within(log()).getAllByText('too long, says the server')).toHaveLength(1);
  });

  it('widget §6: registration failing on the first message (no network) is retried by itself: "Sending…", then sent once', async () => {
    await open(makeConfig({}, { registrationForm: false }), {
      'POST visitor': [new TypeError('Failed to fetch'), (c) => visitorAnswer(c.body.visitor.token)],
    });
    typeMsg('first message');
    fireEvent.keyDown(box(), { key: 'Enter' });
    await vi.waitFor(() => expect(rest.to('POST message')).toHaveLength(1), { timeout: 3000 }); // back-off: under 1 s
    const flow = ['GET config', 'POST visitor', 'GET room', 'POST message'];
    expect(rest.calls.map((c) => c.route).filter((r) => flow.includes(r))).toEqual([
      'GET config',
      'POST visitor',
      'POST visitor',
      'GET room',
      'POST message',
    ]);
    await vi.waitFor(() => expect(within(log()).queryByText(/Not sent|Sending…/)).toBeNull());
  });

  it('widget §6: registration refused (4xx) on the first message marks it "Not sent" with the reason; Try again goes through', async () => {
    await open(makeConfig({}, { registrationForm: false }), {
      'POST visitor': [rcError('error-refused'), (c) => visitorAnswer(c.body.visitor.token)],
    });
    typeMsg('first message');
    fireEvent.keyDown(box(), { key: 'Enter' });
    await vi.waitFor(() => expect(within(log()).queryByText(/Not sent/)).not.toBeNull());
    const item = within(log()).getByText('first message').closest('div')! as HTMLElement;
    expect(item.textContent).toContain('Not sent. Something went wrong. Please try again.'); // a sentence, not the server's code
    fireEvent.click(within(item).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(rest.to('POST message')).toHaveLength(1));
    await vi.waitFor(() => expect(within(log()).queryByText(/Not sent|Sending…/)).toBeNull());
  });
});

describe('widget §3 / §4.4: first visit through mount()', () => {
  it('widget §3: nothing is stored before the visitor starts; the pre-chat form leads to the conversation', async () => {
    await open(makeConfig({ departments: [{ _id: 'dep1', name: 'Sales', showOnRegistration: true, showOnOfflineForm: true }] }));
    const names = async () => (await indexedDB.databases()).map((d) => d.name);
    // the panel is open and the form on screen: still nothing written anywhere
    expect(q.getByRole('dialog')).toBeTruthy();
    expect(await names()).toEqual([]);
    expect(localStorage.length).toBe(0);
    expect(rest.calls[0]!.query).toEqual({}); // §4.1 no stored token, none sent
    fireEvent.input(q.getByLabelText('Name'), { target: { value: 'Jane' } });
    fireEvent.input(q.getByLabelText('Email'), { target: { value: 'jane@example.com' } });
    fireEvent.change(q.getByLabelText(/^Department/), { target: { value: 'dep1' } });
    fireEvent.click(q.getByRole('button', { name: 'Start chat' }));
    await vi.waitFor(() => expect(q.queryByRole('log')).not.toBeNull());
    expect(q.queryByLabelText('Name')).toBeNull();
    expect(await names()).toEqual(['rc-livechat']);
    expect(rest.to('POST visitor')).toHaveLength(1);
    expect(rest.to('POST visitor')[0]!.body.visitor).toMatchObject({ name: 'Jane', email: 'jane@example.com', department: 'dep1' });
    expect(box()).toBeTruthy();
    // widget §9: the token appears in no DOM attribute
    const token = rest.to('POST visitor')[0]!.body.visitor.token;
    expect(document.documentElement.outerHTML + root.innerHTML).not.toContain(token);
  });

  it('widget §9: a malformed config answer shows an error state with Try again, which recovers', async () => {
    rest = fakeRest({ 'GET config': [json({ config: { enabled: true }, success: true }), configAnswer(makeConfig())] });
    widget = mount({ server: 'http://rc.test', lang: 'en', open: true });
    root = document.querySelector('rc-livechat')!.shadowRoot!;
    q = widgetQueries(root);
    await vi.waitFor(() => expect(q.queryByRole('alert')?.textContent).toBe('Something went wrong. Please try again.'));
    fireEvent.click(q.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(q.queryByLabelText('Name')).not.toBeNull());
  });
});

describe('widget §4.5, §8: ending the chat asks first, in a small dialog', () => {
  const confirmation = () => q.queryByRole('alertdialog', { name: 'End this chat?' });
  const focused = () => root.activeElement;

  async function askToEnd(routes: Parameters<typeof fakeRest>[0] = {}) {
    await open(returning(), routes);
    fireEvent.click(q.getByRole('button', { name: 'End chat' }));
    expect(confirmation()).not.toBeNull();
  }

  it('widget §8: the dialog is labelled, describes itself, and takes the focus onto Cancel; the header button keeps its name', async () => {
    await askToEnd();
    const dialog = confirmation()!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const detail = within(dialog).getByText('You will not be able to send more messages in this conversation.');
    expect(detail.id).toBe(dialog.getAttribute('aria-describedby'));
    expect(focused()).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(q.getAllByRole('button', { name: 'End chat' })).toHaveLength(2); // the header's, unchanged, and the dialog's
    expect(rest.to('POST room.close')).toHaveLength(0);
  });

  it("widget §8: Tab and Shift+Tab stay on the dialog's buttons", async () => {
    await askToEnd();
    const dialog = confirmation()!;
    const [cancel, confirm] = within(dialog).getAllByRole('button');
    confirm!.focus();
    expect(fireEvent.keyDown(confirm!, { key: 'Tab' })).toBe(false); // default prevented: focus does not leave
    expect(focused()).toBe(cancel);
    expect(fireEvent.keyDown(cancel!, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(focused()).toBe(confirm);
    // between the two, Tab is the browser's own
    expect(fireEvent.keyDown(confirm!, { key: 'Tab', shiftKey: true })).toBe(true);
  });

  it.each([
    ['Escape', () => fireEvent.keyDown(root.activeElement!, { key: 'Escape' })],
    ['Cancel', () => fireEvent.click(within(confirmation()!).getByRole('button', { name: 'Cancel' }))],
  ])('widget §8: %s closes the dialog only (the panel stays), keeps the chat, and gives the focus back to "End chat"', async (_, cancel) => {
    await askToEnd();
    cancel();
    expect(confirmation()).toBeNull();
    expect(q.getByRole('dialog')).toBeTruthy(); // Escape did not close the panel
    expect(focused()).toBe(q.getByRole('button', { name: 'End chat' }));
    expect(box()).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(rest.to('POST room.close')).toHaveLength(0);
  });

  it('§4.6 "End chat" in the dialog closes the room; the finished state says so, offers "Start a new chat" and has the focus', async () => {
    const earlier = { _id: 'm1', rid: 'R1', msg: 'an earlier answer', u: { _id: 'A1', username: 'agent1' }, ts: '2024-05-02T12:35:00.000Z' };
    await askToEnd({
      'POST room.close': (c) => json({ rid: c.body.rid, success: true }),
      'GET messages.history': json({ messages: [earlier], success: true }),
    });
    await vi.waitFor(() => expect(within(log()).queryByText('an earlier answer')).not.toBeNull());
    fireEvent.click(within(confirmation()!).getByRole('button', { name: 'End chat' }));
    await vi.waitFor(() => expect(q.queryByRole('button', { name: 'Start a new chat' })).not.toBeNull());
    expect(rest.to('POST room.close')[0]!.body).toEqual({ rid: 'R1', token: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(confirmation()).toBeNull();
    expect(q.queryByRole('button', { name: 'End chat' })).toBeNull();
    expect(focused()).toBe(q.getByRole('button', { name: 'Start a new chat' }));
    // the conversation stays, read-only; the header says the chat ended (widget spec §4.5)
    expect(within(log()).getByText('an earlier answer')).toBeTruthy();
    expect(q.queryByRole('textbox')).toBeNull();
    expect(q.getByRole('heading', { name: 'Rocket.Chat' }).closest('header')!.textContent).toContain('Chat ended');
    expect(q.getByText('Conversation finished')).toBeTruthy(); // config messages.conversationFinishedMessage
  });

  it('widget §4.5: a failed attempt says why in a sentence inside the dialog, which stays; trying again ends the chat', async () => {
    await askToEnd({
      'POST room.close': [
        new TypeError('Failed to fetch'),
        rcError('Something odd [error-odd]', 'error-odd'),
        (c) => json({ rid: c.body.rid, success: true }),
      ],
    });
    const confirm = () => within(confirmation()!).getByRole('button', { name: 'End chat' });
    fireEvent.click(confirm());
    await vi.waitFor(() => expect(within(confirmation()!).queryByRole('alert')?.textContent).toBe('Could not connect. Please try again.'));
    fireEvent.click(confirm());
    await vi.waitFor(() => expect(within(confirmation()!).queryByRole('alert')?.textContent).toBe('Something went wrong. Please try again.'));
    fireEvent.click(confirm());
    await vi.waitFor(() => expect(q.queryByRole('button', { name: 'Start a new chat' })).not.toBeNull());
    expect(rest.to('POST room.close')).toHaveLength(3);
  });
});

describe("widget §2, §4.5, §8: the visitor's words", () => {
  it('widget §4.5: an empty conversation greets the visitor; the composer has a placeholder; minimize keeps its name', async () => {
    await open(returning());
    await vi.waitFor(() => expect(rest.to('GET messages.history')).toHaveLength(1));
    await vi.waitFor(() => expect(q.queryByText('Hello! How can we help you today?')).not.toBeNull());
    expect(box().placeholder).toBe('Write a message…');
    expect(q.getAllByRole('button', { name: 'Minimize chat' }).length).toBeGreaterThan(0);
    typeMsg('hello');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(q.queryByText('Hello! How can we help you today?')).toBeNull(); // only while empty
  });

  it('widget §2: the launcher names the unread count in a whole sentence with the right plural form', async () => {
    rest = fakeRest({ 'GET config': configAnswer(makeConfig()) });
    widget = mount({ server: 'http://rc.test', lang: 'en' });
    root = document.querySelector('rc-livechat')!.shadowRoot!;
    const launcher = () => root.querySelector('button[aria-expanded]')!;
    expect(launcher().getAttribute('aria-label')).toBe('Open chat');
    unread.value = 1;
    await flush(1);
    expect(launcher().getAttribute('aria-label')).toBe('Open chat, 1 unread message');
    unread.value = 3;
    await flush(1);
    expect(launcher().getAttribute('aria-label')).toBe('Open chat, 3 unread messages');
    expect(launcher().textContent).toBe('3'); // the badge
    widget.setLanguage('fr');
    await flush(1);
    expect(launcher().getAttribute('aria-label')).toBe('Ouvrir le chat, 3 messages non lus');
  });

  it("widget §5: the socket's state and the agent's status have words of their own", async () => {
    await open(returning(), {});
    setAgent({ _id: 'A1', username: 'agent1', name: 'Agent One', status: 'busy' });
    await flush(1);
    const header = () => q.getByRole('heading', { name: 'Rocket.Chat' }).closest('header')!;
    expect(header().textContent).toContain('Agent One');
    expect(header().textContent).toContain('Busy');
    const status = () => within(q.getByRole('log').parentElement!).getAllByRole('status').at(-1)!.textContent;
    connection.value = { state: 'offline' };
    await flush(1);
    expect(status()).toBe('You are offline. Reconnecting…');
    connection.value = { state: 'back' };
    await flush(1);
    expect(status()).toBe('Connected again.');
    connection.value = { state: 'idle' };
    agentTyping.value = 'Agent One';
    await flush(1);
    expect(status()).toBe('Agent One is typing…');
  });

  it('widget §4.1: a start-up the server never answers says "Could not connect", not a code', async () => {
    rest = fakeRest({ 'GET config': new TypeError('Failed to fetch') });
    widget = mount({ server: 'http://rc.test', lang: 'en', open: true });
    root = document.querySelector('rc-livechat')!.shadowRoot!;
    q = widgetQueries(root);
    await vi.waitFor(() => expect(q.queryByRole('alert')?.textContent).toBe('Could not connect. Please try again.'));
  });
});
