// Issue 18 in the state layer (widget spec §3, §4.5, §5; contract §4.1, §4.4, §4.8, §4.9, §6.5): the finished room
// kept across a reload, the panel's open state kept once the visitor opened it, who serves the room when the server's
// answers are hidden or unreadable, history fetched again once the subscriptions are ready, and the offline form.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/api/contract.ts';
import { agent, onLivechatEvent, serving, setAgent } from '../../src/state/agent.ts';
import { watchCallbacks } from '../../src/state/callbacks.ts';
import { configState } from '../../src/state/config.ts';
import { clearEvents, on } from '../../src/state/events.ts';
import { history, refreshHistory } from '../../src/state/history.ts';
import { messages } from '../../src/state/messages.ts';
import { offlineForm, offlineSent, submitOffline } from '../../src/state/offline.ts';
import { setValue } from '../../src/state/form.ts';
import { closed, ensureRoom, newChat, room } from '../../src/state/room.ts';
import { startWidget, stopWidget } from '../../src/state/start.ts';
import { acceptConsent, closeWidget, isOpen, openByVisitor, openWidget, screen } from '../../src/state/ui.ts';
import { configAnswer, fakeRest, flush, json, makeConfig, rcError, roomAnswer, spyKv, visitorAnswer } from './fake-rest.ts';
import { FakeWs } from './fake-ws.ts';

const TOKEN = 'ab'.repeat(32);
const guest = { _id: 'V1', username: 'guest-1', token: TOKEN, name: 'Jane' };
const message = (_id: string, msg: string, rid = 'R0') => ({ _id, rid, msg, u: { _id: 'A1', username: 'agent1' }, ts: '2024-05-02T12:35:00.000Z' });
const historyOf = (...list: ReturnType<typeof message>[]) => json({ messages: list, success: true });

let rest: ReturnType<typeof fakeRest>;
let kv: ReturnType<typeof spyKv>;

async function start(c: Config, stored: Record<string, unknown> = {}, routes: Parameters<typeof fakeRest>[0] = {}) {
  rest = fakeRest({ 'GET config': configAnswer(c), 'GET messages.history': historyOf(), 'GET agent.info': rcError('invalid-agent'), ...routes });
  kv = spyKv(new Map(Object.entries(stored)));
  startWidget({ server: 'http://rc.test' }, kv);
  await vi.waitFor(() => expect(configState.value.status).toBe('ready'));
  await flush();
}

beforeEach(() => {
  vi.stubGlobal('WebSocket', FakeWs);
  FakeWs.all = [];
});
afterEach(() => {
  stopWidget();
  vi.unstubAllGlobals();
});

describe('the finished room across a reload (widget spec §4.5)', () => {
  it('no open room in the config, a known visitor and a stored last room → that room, finished, its history loaded when shown; no socket', async () => {
    await start(makeConfig({ guest }), { token: TOKEN, room: 'R0' }, { 'GET messages.history': historyOf(message('m1', 'earlier answer')) });
    expect([room.value, closed.value, screen.value]).toEqual(['R0', true, 'finished']);
    expect(rest.to('GET messages.history')).toHaveLength(0); // the panel is closed
    isOpen.value = true;
    await vi.waitFor(() => expect(messages.value.map((m) => m.msg)).toEqual(['earlier answer']));
    expect(rest.to('GET messages.history')[0]!.path).toBe('messages.history/R0');
    expect(FakeWs.all).toHaveLength(0);
    expect(kv.set).not.toHaveBeenCalled();
  });

  it('the host page hears onChatEnded for a chat that ends here, not for the finished one a reload shows', async () => {
    const ended = vi.fn();
    on('ChatEnded', ended);
    await start(makeConfig({ guest }), { token: TOKEN, room: 'R0' });
    watchCallbacks();
    expect(closed.value).toBe(true);
    await flush();
    expect(ended).not.toHaveBeenCalled();
    newChat();
    room.value = 'R3';
    closed.value = true;
    expect(ended).toHaveBeenCalledOnce();
    clearEvents();
  });

  it('the open room of the config wins, and is stored once when it is not the stored one', async () => {
    await start(makeConfig({ guest, room: { _id: 'R1', open: true } }), { token: TOKEN, room: 'R0' });
    expect([room.value, closed.value, screen.value]).toEqual(['R1', false, 'chat']);
    expect(kv.set.mock.calls).toEqual([['room', 'R1']]);
    stopWidget();
    await start(makeConfig({ guest, room: { _id: 'R1', open: true } }), { token: TOKEN, room: 'R1' });
    expect(kv.set).not.toHaveBeenCalled();
  });

  it('a stored room is not shown for a token the server does not know, and nothing is stored at start-up', async () => {
    await start(makeConfig(), { token: TOKEN, room: 'R0' });
    expect([room.value, screen.value]).toEqual(['', 'prechat']);
    stopWidget();
    await start(makeConfig());
    expect(room.value).toBe('');
    expect(kv.set).not.toHaveBeenCalled();
  });

  it('§4.4 invalid-room for the finished room (gone for this visitor) forgets it; a history error of another kind keeps it', async () => {
    await start(
      makeConfig({ guest }),
      { token: TOKEN, room: 'R0' },
      { 'GET messages.history': [json({ success: false }, 500), rcError('invalid-room')] },
    );
    isOpen.value = true;
    await vi.waitFor(() => expect(history.value).toBe('error'));
    expect(room.value).toBe('R0');
    void refreshHistory(); // the second answer: invalid-room
    await vi.waitFor(() => expect(room.value).toBe(''));
    expect([closed.value, screen.value]).toEqual([false, 'prechat']);
    expect(kv.del).toHaveBeenCalledWith('room');
  });

  it('the room a chat opens is remembered; "Start a new chat" forgets nothing until the next room', async () => {
    await start(
      makeConfig({}, { registrationForm: false }),
      {},
      {
        'POST visitor': (c) => visitorAnswer(c.body.visitor.token),
        'GET room': (c) => roomAnswer('R2', c.query.token!),
      },
    );
    await ensureRoom();
    expect(kv.m.get('room')).toBe('R2');
    closed.value = true;
    newChat();
    expect([room.value, screen.value]).toEqual(['', 'chat']);
    expect(kv.m.get('room')).toBe('R2');
  });
});

describe('the panel open or closed across reloads (widget spec §3)', () => {
  it('kept once the visitor opened it with the launcher; host-page opening alone stores nothing', async () => {
    await start(makeConfig());
    openWidget();
    closeWidget();
    await flush();
    expect(kv.set).not.toHaveBeenCalled();
    openByVisitor();
    await flush();
    expect(kv.m.get('open')).toBe(true);
    closeWidget();
    await flush();
    expect(kv.m.get('open')).toBe(false);
  });

  it('not while a consent is pending (widget spec §4: until it is accepted nothing is stored); then at once', async () => {
    await start(makeConfig({}, { forceAcceptDataProcessingConsent: true }));
    openByVisitor();
    await flush();
    expect(screen.value).toBe('consent');
    expect(kv.set).not.toHaveBeenCalled();
    acceptConsent();
    await flush();
    expect(kv.set.mock.calls).toEqual([['open', true]]);
  });

  it('a reload opens the panel as the visitor left it', async () => {
    await start(makeConfig(), { open: true });
    expect(isOpen.value).toBe(true);
    stopWidget();
    await start(makeConfig(), { open: false });
    expect(isOpen.value).toBe(false);
  });
});

describe('who serves the room (§4.9, §6.5)', () => {
  it('a served room whose agent.info is unreadable shows an unnamed agent, not "waiting"; agentData names them', async () => {
    await start(
      makeConfig({ guest, room: { _id: 'R1', open: true, servedBy: { _id: 'A1', username: 'agent1' } } }),
      { token: TOKEN },
      {
        'GET agent.info': json({ agent: 'Agent One', success: true }),
      },
    );
    await vi.waitFor(() => expect(rest.to('GET agent.info')).not.toHaveLength(0));
    await flush();
    expect(serving.value).toEqual({ state: 'unnamed' });
    onLivechatEvent({ type: 'agentData', data: { _id: 'A1', username: 'agent1', name: 'Agent One', status: 'online' } });
    expect(agent.value?.name).toBe('Agent One');
    onLivechatEvent({ type: 'agentStatus', status: 'away' });
    expect(agent.value?.status).toBe('away');
  });

  it('a room nobody serves yet stays "waiting" when agent.info says invalid-agent; hidden or shapeless agents are unnamed', async () => {
    await start(makeConfig({ guest, room: { _id: 'R1', open: true } }), { token: TOKEN });
    expect(serving.value).toEqual({ state: 'waiting' });
    onLivechatEvent({ type: 'agentStatus', status: 'away' }); // nobody to change
    expect(serving.value).toEqual({ state: 'waiting' });
    setAgent({ hiddenInfo: true });
    expect(serving.value).toEqual({ state: 'unnamed' });
    setAgent('Agent One');
    expect(serving.value).toEqual({ state: 'unnamed' });
    setAgent({ _id: 'A1', username: 'agent1' });
    expect(serving.value).toEqual({ state: 'agent', agent: { _id: 'A1', username: 'agent1' } });
  });
});

describe('history again once the subscriptions are ready (widget spec §5)', () => {
  it('not before the first page was asked for; after it, the newest page again; after a failed first page, that page', async () => {
    await start(
      makeConfig({ guest, room: { _id: 'R1', open: true } }),
      { token: TOKEN },
      {
        'GET messages.history': [historyOf(), historyOf(message('m2', 'answered at once', 'R1')), json({}, 503), historyOf()],
      },
    );
    await refreshHistory();
    expect(rest.to('GET messages.history')).toHaveLength(0);
    isOpen.value = true;
    await vi.waitFor(() => expect(history.value).toBe('ready'));
    await refreshHistory();
    expect(messages.value.map((m) => m.msg)).toEqual(['answered at once']);
    await refreshHistory(); // 503
    expect(history.value).toBe('ready'); // a failed refresh does not hide what is shown
    expect(rest.to('GET messages.history')).toHaveLength(3);
  });
});

describe('the offline form (§4.8)', () => {
  const offlineConfig = makeConfig({ online: false });
  const fill = () => {
    setValue(offlineForm, 'name', 'Grace');
    setValue(offlineForm, 'email', 'grace@example.com');
    setValue(offlineForm, 'message', 'Call me back');
  };

  it('a 200 whose body cannot be read counts as sent: trying again would send it twice', async () => {
    await start(offlineConfig, {}, { 'POST offline.message': new Response('{"success":tru', { status: 200 }) });
    fill();
    await submitOffline();
    expect(offlineSent.value).toBe(true);
    expect(offlineForm.failure.value).toBe('');
    expect(rest.to('POST offline.message')).toHaveLength(1);
  });

  it('an unreadable error page is a failure the visitor can try again', async () => {
    await start(offlineConfig, {}, { 'POST offline.message': new Response('<html>Bad gateway</html>', { status: 502 }) });
    fill();
    await submitOffline();
    expect(offlineSent.value).toBe(false);
    expect(offlineForm.failure.value).toBe('http-502');
  });
});
