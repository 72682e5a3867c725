// The REST client (contract §1) and the per-endpoint calls (§2, §4.1–§4.4): every outcome is a typed Result, never
// a throw; the config request carries the token only when one was stored; history arrives newest first and is
// kept oldest first, system messages hidden per §5.3.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VisitorRegistration } from '../../src/api/contract.ts';
import { livechatApi } from '../../src/api/livechat.ts';
import { createRest, errorCode, type Failure } from '../../src/api/rest.ts';
import { config, configState, loadConfig } from '../../src/state/config.ts';
import { history, loadHistory } from '../../src/state/history.ts';
import { messages } from '../../src/state/messages.ts';
import { openRoom } from '../../src/state/room.ts';
import { beginSession, endSession } from '../../src/state/session.ts';
import { configAnswer, fakeRest, json, makeConfig, rcError, spyKv } from './fake-rest.ts';

const api = () => livechatApi(createRest('http://rc.test'));
const failure = async (p: Promise<unknown>) => {
  const r = (await p) as Failure;
  expect(r.ok).toBe(false);
  return r;
};

afterEach(() => {
  endSession();
  vi.unstubAllGlobals();
});

describe('§1 REST client', () => {
  it('§1.1 builds <server>/api/v1/livechat/<path> (trailing slashes, path prefix), leaves out empty query values', async () => {
    const rest = fakeRest({ 'GET config': configAnswer(makeConfig()) });
    await livechatApi(createRest('https://chat.example.com/rc//')).config(undefined, 'Sales');
    expect(rest.calls[0]!.url).toBe('https://chat.example.com/rc/api/v1/livechat/config?department=Sales');
  });

  it('§1.6 a GET carries no Content-Type (CORS-simple, no preflight); a POST sends JSON', async () => {
    const rest = fakeRest({ 'GET config': configAnswer(makeConfig()), 'POST visitor': json({ visitor: { _id: 'V' }, success: true }) });
    await api().config();
    await api().visitor({ token: 't', name: 'Jane' });
    const [get, post] = rest.calls;
    expect([...get!.headers.keys()]).toEqual([]);
    expect(post!.headers.get('content-type')).toBe('application/json');
    expect(post!.body).toEqual({ visitor: { token: 't', name: 'Jane' } });
  });

  it('§1.2 a 400 envelope gives status, error and errorType', async () => {
    fakeRest({ 'POST visitor': rcError('Invalid email a@ [error-invalid-email]', 'error-invalid-email') });
    const r = await failure(api().visitor({ token: 't', email: 'a@' }));
    expect(r).toEqual({
      ok: false,
      status: 400,
      error: 'Invalid email a@ [error-invalid-email]',
      errorType: 'error-invalid-email',
      retryAfter: undefined,
    });
    expect(errorCode(r)).toBe('error-invalid-email');
  });

  it('§1.2 a Match error has no errorType; errorCode reads "[code]" suffixes or falls back to the text', async () => {
    fakeRest({ 'POST visitor': rcError("Match error: Missing key 'token' in field visitor") });
    const r = await failure(api().visitor({} as VisitorRegistration));
    expect(r.status).toBe(400);
    expect(r.error).toBe("Match error: Missing key 'token' in field visitor");
    expect(r.errorType).toBeUndefined();
    expect(errorCode(r)).toBe(r.error);
    expect(errorCode({ ok: false, status: 400, error: "must have required property 'rid' [invalid-params]" })).toBe('invalid-params');
  });

  it('§1.4 429: retryAfter from "You must wait N seconds", 5 s when the text has no number', async () => {
    fakeRest({
      'GET room': [
        rcError(
          'Error, too many requests. Please slow down. You must wait 42 seconds before trying this endpoint again. [error-too-many-requests]',
          undefined,
          429,
        ),
        json({ success: false }, 429),
      ],
    });
    const a = await failure(api().room('t'));
    expect([a.status, a.retryAfter]).toEqual([429, 42]);
    const b = await failure(api().room('t'));
    expect([b.status, b.retryAfter, b.error]).toEqual([429, 5, 'http-429']);
  });

  it('§1.4 other statuses: `reason` bodies (upload), and non-JSON error pages', async () => {
    fakeRest({
      'GET config': [json({ success: false, reason: 'forbidden' }, 403), new Response('<html>Bad gateway</html>', { status: 502 })],
    });
    expect(await failure(api().config())).toMatchObject({ status: 403, error: 'forbidden' });
    expect(await failure(api().config())).toMatchObject({ status: 502, error: 'http-502' });
  });

  it('§1 no answer at all: network error is status 0 "network"; an abort is "aborted"', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await failure(api().config())).toMatchObject({ status: 0, error: 'network' });
    const ac = new AbortController();
    ac.abort();
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new DOMException('aborted', 'AbortError')));
    expect(await failure(livechatApi(createRest('http://rc.test', ac.signal)).config())).toMatchObject({ status: 0, error: 'aborted' });
  });

  it.each([
    ['malformed JSON', () => new Response('{"config": {', { status: 200 })],
    ['an array', () => json([1, 2])],
    ['null', () => json(null)],
    ['an empty body', () => new Response('', { status: 200 })],
    ['success:false with 200', () => json({ success: false, error: 'x' })],
  ])('widget §9: a 200 with %s is an error result (malformed-response), not a throw', async (_, body) => {
    fakeRest({ 'GET config': body() });
    expect(await failure(api().config())).toMatchObject({ status: 200, error: 'malformed-response' });
  });

  it.each([
    [
      'config without settings',
      () => api().config(),
      'GET config',
      json({ config: { enabled: true, theme: {}, messages: {}, departments: [] }, success: true }),
    ],
    [
      'config with departments not an array',
      () => api().config(),
      'GET config',
      json({ config: { enabled: true, settings: {}, theme: {}, messages: {}, departments: {} }, success: true }),
    ],
    ['room without _id', () => api().room('t'), 'GET room', json({ room: { t: 'l' }, success: true })],
    ['visitor missing', () => api().visitor({ token: 't' }), 'POST visitor', json({ success: true })],
    [
      'history with a message lacking u',
      () => api().history('R', 't'),
      'GET messages.history',
      json({ messages: [{ _id: 'a', msg: 'x', ts: '2024-01-01' }], success: true }),
    ],
    ['history not an array', () => api().history('R', 't'), 'GET messages.history', json({ messages: 'none', success: true })],
    [
      'message with a numeric msg',
      () => api().send({ token: 't', rid: 'R', msg: 'x', _id: 'm' }),
      'POST message',
      json({ message: { _id: 'm', msg: 5, u: {} }, success: true }),
    ],
  ] as const)('widget §9: an answer failing the shape check (%s) is an error result', async (_, call, route, answer) => {
    fakeRest({ [route]: answer });
    await expect(call()).resolves.toMatchObject({ ok: false, status: 200, error: 'malformed-response' });
  });

  it('§4.1 {config:{enabled:false}} passes the shape check (Livechat_enabled off)', async () => {
    fakeRest({ 'GET config': json({ config: { enabled: false }, success: true }) });
    expect(await api().config()).toEqual({ ok: true, data: { config: { enabled: false }, success: true } });
  });

  it('§4.4 history asks messages.history/<rid> with token, limit and end', async () => {
    const rest = fakeRest({ 'GET messages.history': json({ messages: [], success: true }) });
    await api().history('R/1', 'tok', '2024-05-02T12:00:00.000Z', 20);
    expect(rest.calls[0]!.path).toBe('messages.history/R%2F1');
    expect(rest.calls[0]!.query).toEqual({ token: 'tok', limit: '20', end: '2024-05-02T12:00:00.000Z' });
  });
});

describe('§4.1 config at start-up', () => {
  it('§4.1 a first visit asks config without a token; a returning visitor sends the stored one', async () => {
    const rest = fakeRest({ 'GET config': configAnswer(makeConfig()) });
    const kv = spyKv();
    beginSession({ server: 'http://rc.test', department: 'Sales' }, kv);
    await loadConfig();
    expect(rest.calls[0]!.query).toEqual({ department: 'Sales' });
    expect(configState.value).toEqual({ status: 'ready' });
    const stored = 'c0'.repeat(32);
    kv.m.set('token', stored);
    beginSession({ server: 'http://rc.test' }, kv);
    await loadConfig();
    expect(rest.calls[1]!.query).toEqual({ token: stored });
    expect(kv.set).not.toHaveBeenCalled();
  });

  it('widget §9: a malformed config answer is the error state; a network failure too, as unreachable; enabled:false is "disabled"', async () => {
    fakeRest({
      'GET config': [
        json({ config: { enabled: true }, success: true }),
        new TypeError('Failed to fetch'),
        json({ config: { enabled: false }, success: true }),
      ],
    });
    beginSession({ server: 'http://rc.test' }, spyKv());
    await loadConfig();
    expect([configState.value, config.value]).toEqual([{ status: 'error', reason: 'server' }, null]);
    await loadConfig();
    expect(configState.value).toEqual({ status: 'error', reason: 'unreachable' });
    await loadConfig();
    expect([configState.value, config.value]).toEqual([{ status: 'disabled' }, null]);
  });
});

describe('§4.4 / §5.3 history into the message list', () => {
  const u = { _id: 'A', username: 'agent1', name: 'Agent One' };
  const m = (id: string, sec: number, over: Record<string, unknown> = {}) => ({
    _id: id,
    rid: 'R',
    msg: id,
    u,
    ts: new Date(sec * 1000).toISOString(),
    ...over,
  });

  it('§4.4 newest-first history is kept oldest first; livechat-started and hiddenSystemMessages types are hidden, other system types shown', async () => {
    fakeRest({
      'GET config': configAnswer(makeConfig({}, { hiddenSystemMessages: ['uj', 'livechat_navigation_history'] })),
      'GET messages.history': json({
        messages: [
          m('m4', 40),
          m('nav', 35, { t: 'livechat_navigation_history', msg: 'visited /pricing' }),
          m('m3', 30, { alias: 'Jane', u: { _id: 'V', username: 'guest-1' } }),
          m('tr', 25, { t: 'livechat_transfer_history', msg: 'transferred' }),
          m('join', 20, { t: 'uj', msg: 'agent1' }),
          m('m1', 10),
          m('start', 5, { t: 'livechat-started', msg: '' }),
        ],
        success: true,
      }),
    });
    beginSession({ server: 'http://rc.test' }, spyKv());
    await loadConfig();
    openRoom('R');
    await loadHistory();
    expect(history.value).toBe('ready');
    expect(messages.value.map((x) => [x._id, x.from == 'system'])).toEqual([
      ['m1', false],
      ['tr', true],
      ['m3', false],
      ['m4', false],
    ]);
    expect(messages.value.map((x) => x.author)).toEqual(['Agent One', 'Agent One', 'Jane', 'Agent One']);
    expect(messages.value.map((x) => x.ts)).toEqual([10e3, 25e3, 30e3, 40e3]);
  });

  it('widget §9: a history answer that fails the shape check is the history error state, the list untouched', async () => {
    fakeRest({ 'GET messages.history': json({ messages: [{ _id: 'x' }], success: true }) });
    beginSession({ server: 'http://rc.test' }, spyKv());
    openRoom('R');
    await loadHistory();
    expect(history.value).toBe('error');
    expect(messages.value).toEqual([]);
  });
});
