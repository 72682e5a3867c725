// Earlier history on scroll-up (§4.4 `end`) and the visitor closing the room (§4.6).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_PAGE } from '../../src/api/livechat.ts';
import { hasOlder, loadHistory, loadOlder } from '../../src/state/history.ts';
import { messages } from '../../src/state/messages.ts';
import { closed, closeRoom, openRoom } from '../../src/state/room.ts';
import { beginSession, endSession } from '../../src/state/session.ts';
import { createKv } from '../../src/storage/kv.ts';
import { fakeRest, json, rcError } from './fake-rest.ts';

const page = (from: number, n: number) =>
  // newest first, as the server answers (§4.4)
  Array.from({ length: n }, (_, i) => ({
    _id: 'm' + (from - i),
    rid: 'R',
    msg: 'm' + (from - i),
    u: { _id: 'A', username: 'a' },
    ts: new Date((from - i) * 1000).toISOString(),
  }));

beforeEach(() => beginSession({ server: 'http://rc.test' }, createKv()));
afterEach(() => {
  endSession();
  vi.unstubAllGlobals();
});

describe('room history and close', () => {
  it('§4.4 a full first page offers older messages; loadOlder asks with end = the oldest shown, once at a time', async () => {
    const rest = fakeRest({
      'GET messages.history': (c) => json({ messages: c.query.end ? page(100, 10) : page(200, HISTORY_PAGE), success: true }),
    });
    openRoom('R');
    await loadHistory();
    expect(hasOlder.value).toBe(true);
    expect(messages.value[0]!._id).toBe('m' + (200 - HISTORY_PAGE + 1));
    loadOlder();
    loadOlder(); // a second scroll event while the first request runs
    await vi.waitFor(() => expect(hasOlder.value).toBe(false));
    const asked = rest.to('GET messages.history');
    expect(asked).toHaveLength(2);
    expect(asked[1]!.query.end).toBe(new Date((200 - HISTORY_PAGE + 1) * 1000).toISOString());
    expect(messages.value).toHaveLength(HISTORY_PAGE + 10);
    expect(messages.value[0]!._id).toBe('m91');
  });

  it('§4.6 closing: ok or an already closed room both end the conversation; other errors do not', async () => {
    const rest = fakeRest({ 'POST room.close': [rcError('invalid-token'), rcError('room-closed')] });
    openRoom('R');
    expect((await closeRoom()).ok).toBe(false);
    expect(closed.value).toBe(false);
    await closeRoom();
    expect(closed.value).toBe(true);
    expect(rest.to('POST room.close')[0]!.body).toEqual({ rid: 'R', token: expect.any(String) });
  });
});
