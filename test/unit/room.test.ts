// Earlier history on scroll-up (§4.4 `end`) and the visitor closing the room (§4.6).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_PAGE } from '../../src/api/livechat.ts';
import { closed, messages } from '../../src/state/messages.ts';
import { closeRoom, hasOlder, loadHistory, loadOlder, openRoom } from '../../src/state/room.ts';
import { beginSession, endSession, session } from '../../src/state/session.ts';
import { createKv } from '../../src/storage/kv.ts';

const page = (from: number, n: number) =>
  // newest first, as the server answers (§4.4)
  Array.from({ length: n }, (_, i) => ({ _id: 'm' + (from - i), rid: 'R', msg: 'm' + (from - i), u: { _id: 'A', username: 'a' }, ts: new Date((from - i) * 1000).toISOString() }));

beforeEach(() => beginSession({ server: 'http://rc.test' }, createKv()));
afterEach(endSession);

describe('room history and close', () => {
  it('§4.4 a full first page offers older messages; loadOlder asks with end = the oldest shown, once at a time', async () => {
    const history = vi.fn(async (_rid: string, _t: string, end?: string) => ({
      ok: true as const,
      data: { messages: end ? page(100, 10) : page(200, HISTORY_PAGE) },
    }));
    session.api = { ...session.api, history } as any;
    openRoom('R');
    await loadHistory();
    expect(hasOlder.value).toBe(true);
    expect(messages.value[0]!._id).toBe('m' + (200 - HISTORY_PAGE + 1));
    loadOlder();
    loadOlder(); // a second scroll event while the first request runs
    await vi.waitFor(() => expect(hasOlder.value).toBe(false));
    expect(history).toHaveBeenCalledTimes(2);
    expect(history.mock.calls[1]![2]).toBe(new Date((200 - HISTORY_PAGE + 1) * 1000).toISOString());
    expect(messages.value).toHaveLength(HISTORY_PAGE + 10);
    expect(messages.value[0]!._id).toBe('m91');
  });

  it('§4.6 closing: ok or an already closed room both end the conversation; other errors do not', async () => {
    const close = vi.fn().mockResolvedValueOnce({ ok: false, status: 400, error: 'invalid-token' }).mockResolvedValueOnce({ ok: false, status: 400, error: 'room-closed' });
    session.api = { ...session.api, close } as any;
    openRoom('R');
    expect((await closeRoom()).ok).toBe(false);
    expect(closed.value).toBe(false);
    await closeRoom();
    expect(closed.value).toBe(true);
    expect(close).toHaveBeenCalledWith('R', expect.any(String));
  });
});
