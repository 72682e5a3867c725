// The host-page API (widget spec §7) through mount() and window.RocketChat, against the fake REST routes: every
// method, its warnings for bad arguments, and the callbacks with the official widget's payloads.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHostApi, type Snippet } from '../../src/embed/host-api.ts';
import { mount, type Widget } from '../../src/embed/mount.ts';
import { onLivechatEvent, setAgent } from '../../src/state/agent.ts';
import { config, configState } from '../../src/state/config.ts';
import { submitOffline, offlineForm } from '../../src/state/offline.ts';
import { prechatForm, submitPrechat } from '../../src/state/prechat.ts';
import { closed, room } from '../../src/state/room.ts';
import { isOpen, screen } from '../../src/state/ui.ts';
import { setValue } from '../../src/state/form.ts';
import { configAnswer, fakeRest, flush, json, makeConfig, roomAnswer, visitorAnswer } from './fake-rest.ts';

const departments = [
  { _id: 'dep1', name: 'Sales', showOnRegistration: true, showOnOfflineForm: true },
  { _id: 'dep2', name: 'Support', showOnRegistration: true, showOnOfflineForm: true },
];
let rest: ReturnType<typeof fakeRest>;
let w: Widget;
let warn: ReturnType<typeof vi.spyOn>;

function start(c = makeConfig({ departments }), opts = {}) {
  rest = fakeRest({
    'GET config': configAnswer(c),
    'POST visitor': (call) => visitorAnswer(call.body.visitor.token),
    'GET room': (call) => roomAnswer('R1', call.query.token!),
    'GET messages.history': json({ messages: [], success: true }),
    'POST custom.field': (call) => json({ field: call.body, success: true }),
    'POST page.visited': json({ success: true }),
    'POST offline.message': json({ message: 'ok', success: true }),
  });
  w = mount({ server: 'http://rc.test', lang: 'en', ...opts });
}
/** Until the start-up config is in and every request it led to has settled. */
async function settle() {
  await vi.waitFor(() => expect(configState.value.status).not.toBe('loading'));
  await flush(20);
}
const shadow = () => document.querySelector('rc-livechat')!.shadowRoot!;
/** The launcher: the one button that says whether the panel is expanded. */
const launcher = () => shadow().querySelector<HTMLElement>('button[aria-expanded]');
/** Components re-render on their own after a change, in Preact's next render pass (a microtask). */
const rendered = () => flush(1);

beforeEach(async () => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  // A fresh IndexedDB per test: deleting one that a closed widget's store still holds open would block.
  vi.stubGlobal('indexedDB', new IDBFactory());
  localStorage.clear();
  // happy-dom accepts any value as a colour; Chromium's rule for these tests' values:
  vi.stubGlobal('CSS', { supports: (_p: string, v?: string) => !/\s/.test(v ?? '') });
});
afterEach(() => {
  w?.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('window.RocketChat (the official snippet)', () => {
  it('runs the callbacks queued before load in order with `this` = the livechat API, later ones at once', () => {
    const order: string[] = [];
    // the official snippet: a function that queues its callbacks in `_`
    const queued: ((this: Widget) => void)[] = [];
    const win: { RocketChat?: Snippet } = {
      RocketChat: Object.assign((cb: (this: Widget) => void) => void queued.push(cb), { _: queued, url: 'http://rc.test/livechat' }),
    };
    win.RocketChat!(function (this: Widget) {
      order.push('first');
      this.setTheme({ title: 'Help' });
    });
    win.RocketChat!(() => order.push('second'));
    const host = installHostApi(win);
    const api = win.RocketChat!;
    expect(api.url).toBe('http://rc.test/livechat');
    api.livechat!.setLanguage('de');
    expect(order).toEqual([]);
    start();
    host.ready(w);
    expect(order).toEqual(['first', 'second']);
    api(() => order.push('third'));
    expect(order).toEqual(['first', 'second', 'third']);
    expect(Object.keys(api.livechat!)).toEqual(expect.arrayContaining(['initialize', 'registerGuest', 'onChatStarted', 'logout', 'remove']));
  });
});

describe('methods', () => {
  it('warn and change nothing on bad arguments', async () => {
    start();
    const bad: [keyof Widget, unknown[]][] = [
      ['initialize', [null]],
      ['setTheme', [{ color: 'not a colour' }]],
      ['setTheme', [{ position: 'top' }]],
      ['setDepartment', ['']],
      ['setGuestToken', [42]],
      ['setGuestName', [' ']],
      ['setGuestEmail', ['nope']],
      ['registerGuest', [{ email: 'x' }]],
      ['setCustomField', ['', 'v']],
      ['setCustomField', ['k', {}]],
      ['setLanguage', [{}]],
      ['onChatStarted', ['not a function']],
    ];
    for (const [m, args] of bad) (w[m] as (...a: unknown[]) => void)(...args);
    await settle();
    expect(warn).toHaveBeenCalledTimes(bad.length);
    expect(warn.mock.calls.map((c: unknown[]) => c[0])).toContain('RocketChat livechat: setGuestEmail: invalid argument');
    expect(rest.to('POST visitor')).toHaveLength(0);
    expect(rest.to('POST custom.field')).toHaveLength(0);
  });

  it('setDepartment takes an id or a name, preselects it and asks the config again; clearDepartment clears it', async () => {
    start();
    w.setDepartment('Support');
    await settle();
    expect(prechatForm.values.value.department).toBe('dep2');
    expect(rest.to('GET config').at(-1)!.query.department).toBe('Support');
    w.setDepartment('Nowhere');
    await settle();
    expect(warn).toHaveBeenCalledWith('RocketChat livechat: setDepartment: no department "Nowhere"');
    expect(prechatForm.values.value.department).toBe('dep2');
    w.clearDepartment();
    expect(prechatForm.values.value.department).toBe('');
  });

  it('setGuestName / setGuestEmail prefill the form before registration and update the visitor after', async () => {
    start();
    w.setGuestName('Ada');
    w.setGuestEmail('ada@example.com');
    await settle();
    expect(prechatForm.values.value).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
    expect(rest.to('POST visitor')).toHaveLength(0);
    w.registerGuest({ name: 'Ada' });
    await settle();
    w.setGuestName('Ada L.');
    await settle();
    expect(rest.to('POST visitor').at(-1)!.body.visitor).toMatchObject({ name: 'Ada L.' });
  });

  it('registerGuest registers at once, with setCustomField values, and skips the pre-chat form', async () => {
    start();
    w.setCustomField('plan', 'gold');
    w.setCustomField('ref', 'x', false);
    w.registerGuest({ name: 'Ada', email: 'ada@example.com', department: 'Sales' });
    await settle();
    const [call] = rest.to('POST visitor');
    expect(call.body.visitor).toMatchObject({
      name: 'Ada',
      email: 'ada@example.com',
      department: 'Sales',
      customFields: [
        { key: 'plan', value: 'gold', overwrite: true },
        { key: 'ref', value: 'x', overwrite: false },
      ],
    });
    expect(call.body.visitor.token).toMatch(/^[0-9a-f]{64}$/);
    expect(screen.value).toBe('chat');
    // Registered: the next custom field goes through custom.field (§3.4).
    w.setCustomField('plan', 'platinum');
    await settle();
    expect(rest.to('POST custom.field')[0].body).toEqual({ token: call.body.visitor.token, key: 'plan', value: 'platinum', overwrite: true });
  });

  it('registerGuest with a token, and setGuestToken, use and keep the host token', async () => {
    start();
    const token = 'host-user-42';
    w.registerGuest({ token, name: 'Ada' });
    await settle();
    expect(rest.to('POST visitor').at(-1)!.body.visitor.token).toBe(token);
    expect(rest.to('GET config').at(-1)!.query.token).toBe(token);
    w.setGuestToken('another');
    await settle();
    expect(rest.to('GET config').at(-1)!.query.token).toBe('another');
  });

  it('initialize maps the official keys to their methods and warns about the others', async () => {
    start();
    const params = {
      theme: { title: 'Hi there' },
      language: 'fr',
      customField: ['a', '1'] as [string, string],
      setCustomFields: [['b', '2'] as [string, string]],
      guestName: 'Ada',
      agent: {},
    };
    w.initialize(params);
    await settle();
    expect(prechatForm.values.value.name).toBe('Ada');
    expect(warn).toHaveBeenCalledWith('RocketChat livechat: initialize: agent is not supported');
    w.maximizeWidget();
    await settle();
    expect(shadow().querySelector('h2')!.textContent).toBe('Hi there');
    expect(shadow().textContent).toContain('Nom'); // French form label
    w.registerGuest({ name: 'Ada' });
    await settle();
    expect(rest.to('POST visitor')[0].body.visitor.customFields).toEqual([
      { key: 'a', value: '1', overwrite: true },
      { key: 'b', value: '2', overwrite: true },
    ]);
  });

  // The text colour on it follows in CSS (browser test host-api: setTheme … WCAG AA).
  it('setTheme: colour and position through CSS custom properties', async () => {
    start();
    await settle();
    // the element that carries the theme's inline custom property, around the launcher
    const themed = () => launcher()!.closest<HTMLElement>('[style]')!;
    expect(themed().style.getPropertyValue('--rc-color')).toBe('#C1272D');
    expect(getComputedStyle(launcher()!).right).toBe('20px');
    w.setTheme({ color: '#ffd400', position: 'left' });
    await rendered();
    expect(themed().style.getPropertyValue('--rc-color')).toBe('#ffd400');
    expect([getComputedStyle(launcher()!).left, getComputedStyle(launcher()!).right]).toEqual(['20px', 'auto']);
  });

  it('setLanguage switches the texts at run time', async () => {
    start();
    const label = () => launcher()!.getAttribute('aria-label');
    expect(label()).toBe('Open chat');
    w.setLanguage('de');
    await rendered();
    expect(label()).toBe('Chat öffnen');
    w.setLanguage('pt-BR');
    await rendered();
    expect(label()).toBe('Abrir chat');
  });

  it('hideWidget / showWidget and minimize / maximize, with their callbacks', async () => {
    start();
    const seen: string[] = [];
    for (const e of ['onWidgetHidden', 'onWidgetShown', 'onChatMaximized', 'onChatMinimized'] as const) w[e](() => seen.push(e));
    w.hideWidget();
    await rendered();
    expect(launcher()).toBeNull();
    w.showWidget();
    await rendered();
    expect(launcher()).not.toBeNull();
    w.maximizeWidget();
    expect(isOpen.value).toBe(true);
    w.maximizeWidget(); // already open: no second callback
    w.minimizeWidget();
    expect(seen).toEqual(['onWidgetHidden', 'onWidgetShown', 'onChatMaximized', 'onChatMinimized']);
  });

  it('pageVisited sends page.visited for a known visitor only (§3.7)', async () => {
    start();
    w.pageVisited('url');
    await settle();
    expect(rest.to('POST page.visited')).toHaveLength(0); // nobody registered yet
    w.registerGuest({ name: 'Ada' });
    await settle();
    w.pageVisited('title');
    await settle();
    const sent = rest.to('POST page.visited');
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({ pageInfo: { change: 'title', title: document.title, location: { href: location.href } } });
  });

  it('§3.7 history navigation and title changes are reported by themselves (Navigation API, no timer); remove() stops it', async () => {
    const nav = new EventTarget(); // happy-dom has no Navigation API
    vi.stubGlobal('navigation', nav);
    const navigate = (path: string) => {
      history.pushState(null, '', path);
      nav.dispatchEvent(new Event('currententrychange'));
    };
    start();
    w.registerGuest({ name: 'Ada' });
    await settle();
    navigate('/pricing');
    await flush(5);
    document.title = 'Pricing';
    await vi.waitFor(() => expect(rest.to('POST page.visited')).toHaveLength(2));
    const seen = rest.to('POST page.visited').map((c) => [c.body.pageInfo.change, c.body.pageInfo.location.href, c.body.pageInfo.title]);
    expect(seen).toEqual([
      ['url', location.origin + '/pricing', seen[0]![2]],
      ['title', location.origin + '/pricing', 'Pricing'],
    ]);
    navigate('/pricing'); // the same URL again: no change to report
    w.remove();
    navigate('/after-remove');
    document.title = 'Gone';
    await flush(5);
    expect(rest.to('POST page.visited')).toHaveLength(2);
  });

  it('§3.7 historyMonitorType "never": navigation is not reported, the host page\'s pageVisited still is', async () => {
    const nav = new EventTarget();
    vi.stubGlobal('navigation', nav);
    start(makeConfig({ departments }, { historyMonitorType: 'never' }));
    w.registerGuest({ name: 'Ada' });
    await settle();
    history.pushState(null, '', '/quiet');
    nav.dispatchEvent(new Event('currententrychange'));
    document.title = 'Quiet';
    await flush(5);
    expect(rest.to('POST page.visited')).toHaveLength(0);
    w.pageVisited('url');
    await vi.waitFor(() => expect(rest.to('POST page.visited')).toHaveLength(1));
  });

  it('logout forgets the token and starts fresh; remove leaves no element', async () => {
    start();
    w.registerGuest({ name: 'Ada' });
    await settle();
    const first = rest.to('POST visitor')[0].body.visitor.token;
    w.logout();
    await settle();
    expect(rest.to('GET config').at(-1)!.query.token).toBeUndefined();
    w.registerGuest({ name: 'Bob' });
    await settle();
    expect(rest.to('POST visitor').at(-1)!.body.visitor.token).not.toBe(first);
    w.remove();
    expect(document.querySelector('rc-livechat')).toBeNull();
  });
});

describe('callbacks', () => {
  it('onPrechatFormSubmit, onChatStarted: payloads as the official widget', async () => {
    start();
    const seen: [string, unknown][] = [];
    w.onPrechatFormSubmit((d) => seen.push(['prechat', d]));
    w.onChatStarted(() => seen.push(['started', undefined]));
    await settle();
    setValue(prechatForm, 'name', 'Ada');
    setValue(prechatForm, 'email', 'ada@example.com');
    setValue(prechatForm, 'department', 'dep1');
    await submitPrechat();
    await settle();
    expect(seen).toEqual([
      ['prechat', { name: 'Ada', email: 'ada@example.com', department: 'dep1' }],
      ['started', undefined],
    ]);
    expect(room.value).toBe('R1');
  });

  it('onServiceOffline and onOfflineFormSubmit', async () => {
    start(makeConfig({ online: false, departments }));
    const seen: [string, unknown][] = [];
    w.onServiceOffline(() => seen.push(['offline', undefined]));
    w.onOfflineFormSubmit((d) => seen.push(['form', d]));
    await settle();
    for (const [k, v] of Object.entries({ name: 'Ada', email: 'ada@example.com', message: 'Hi' })) setValue(offlineForm, k, v);
    await submitOffline();
    expect(seen).toEqual([
      ['offline', undefined],
      ['form', { name: 'Ada', email: 'ada@example.com', message: 'Hi', department: undefined }],
    ]);
  });

  it('onAssignAgent, onAgentStatusChange and onChatEnded', async () => {
    start();
    const seen: [string, unknown][] = [];
    w.onAssignAgent((a) => seen.push(['assign', a]));
    w.onAgentStatusChange((a) => seen.push(['status', a]));
    w.onChatEnded(() => seen.push(['ended', undefined]));
    const hostError = vi.spyOn(console, 'error').mockImplementation(() => {});
    w.onChatEnded(() => {
      throw new Error('a host bug');
    });
    await settle();
    setAgent({ _id: 'A1', username: 'jane', name: 'Jane', status: 'online', emails: [{ address: 'j@x' }] });
    onLivechatEvent({ type: 'agentStatus', status: 'away' });
    closed.value = true;
    expect(seen).toEqual([
      ['assign', { name: 'Jane', username: 'jane', status: 'online' }],
      ['status', { name: 'Jane', username: 'jane', status: 'away' }],
      ['ended', undefined],
    ]);
    expect(hostError).toHaveBeenCalled();
    expect(config.value).not.toBeNull();
  });
});
