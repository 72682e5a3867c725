// The message list (issue 4): upsert by _id from REST and the room stream (§4.3, §6.5), deletions, system
// messages (§5.3), and the visitor's pending messages replaced by the server's copy (widget spec §6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/api/contract.ts';
import { config } from '../../src/state/config.ts';
import { addPending, closed, messages, removeMessage, upsertMessages } from '../../src/state/messages.ts';
import { beginSession, endSession } from '../../src/state/session.ts';
import { createKv } from '../../src/storage/kv.ts';

const agent = { _id: 'A', username: 'agent1', name: 'Agent One' };
const msg = (over: Partial<Message<any>>): Message<any> => ({ _id: 'm1', rid: 'R', msg: 'hi', u: agent, ts: '2024-05-02T12:35:00.000Z', _updatedAt: '2024-05-02T12:35:00.000Z', ...over });

beforeEach(() => {
  beginSession({ server: 'http://rc.test' }, createKv());
  config.value = { settings: { hiddenSystemMessages: ['uj'] } } as any;
});
afterEach(endSession);

describe('messages', () => {
  it('§6.5 the same _id from REST (ISO date) and the stream (EJSON/Date) is one message; an edit replaces it', () => {
    upsertMessages([msg({ msg: 'hello' })]);
    upsertMessages([msg({ msg: 'hello', ts: new Date('2024-05-02T12:35:00.000Z') })]);
    upsertMessages([msg({ msg: 'hello (edited)', ts: { $date: Date.parse('2024-05-02T12:35:00.000Z') } })]);
    expect(messages.value.map((m) => m.msg)).toEqual(['hello (edited)']);
  });

  it('§4.4 history comes newest first; the list is oldest first', () => {
    upsertMessages([msg({ _id: 'b', ts: '2024-05-02T12:36:00.000Z' }), msg({ _id: 'a', ts: '2024-05-02T12:35:00.000Z' })]);
    upsertMessages([msg({ _id: 'c', ts: '2024-05-02T12:37:00.000Z' })]);
    expect(messages.value.map((m) => m._id)).toEqual(['a', 'b', 'c']);
  });

  it('§5.3 hidden system types and livechat-started are left out; livechat-close ends the conversation', () => {
    upsertMessages([msg({ _id: 's', t: 'livechat-started', msg: '' }), msg({ _id: 'j', t: 'uj', msg: 'joined' }), msg({ _id: 'x', t: 'command', msg: 'note' })]);
    expect(messages.value.map((m) => [m._id, m.system])).toEqual([['x', true]]);
    expect(closed.value).toBe(false);
    upsertMessages([msg({ _id: 'c', t: 'livechat-close', msg: 'Closed' })]);
    expect(closed.value).toBe(true);
  });

  it('§6 a pending message becomes the server copy under the same _id, never a second bubble', () => {
    addPending('mine1', 'hello');
    expect(messages.value).toMatchObject([{ _id: 'mine1', state: 'sending', mine: true }]);
    upsertMessages([msg({ _id: 'mine1', msg: 'hello', u: { _id: 'V', username: 'guest-1' }, token: 'nottoken' })]);
    expect(messages.value).toHaveLength(1);
    expect(messages.value[0]!.state).toBeUndefined();
  });

  it('§6.5 <rid>/deleteMessage removes the message', () => {
    upsertMessages([msg({ _id: 'a' }), msg({ _id: 'b' })]);
    removeMessage('a');
    expect(messages.value.map((m) => m._id)).toEqual(['b']);
  });
});
