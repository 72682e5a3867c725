// The message list (issue 4): upsert by _id from REST and the room stream (§4.3, §6.5), deletions, system
// messages (§5.3), and the visitor's outbox messages replaced by the server's copy (widget spec §6); unchanged
// messages keep their object, so their items do not re-render.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/api/contract.ts';
import { config } from '../../src/state/config.ts';
import { messages, removeMessage, showOutbox, upsertMessages } from '../../src/state/messages.ts';
import { closed, newChat, openRoom } from '../../src/state/room.ts';
import { beginSession, endSession } from '../../src/state/session.ts';
import type { OutboxEntry } from '../../src/storage/outbox.ts';
import { createKv } from '../../src/storage/kv.ts';
import { makeConfig } from './fake-rest.ts';

const agent = { _id: 'A', username: 'agent1', name: 'Agent One' };
type AnyDate = string | Date | { $date: number };
const msg = (over: Partial<Message<AnyDate>>): Message<AnyDate> => ({
  _id: 'm1',
  rid: 'R',
  msg: 'hi',
  u: agent,
  ts: '2024-05-02T12:35:00.000Z',
  _updatedAt: '2024-05-02T12:35:00.000Z',
  ...over,
});
const entry = (over: Partial<OutboxEntry>): OutboxEntry => ({
  _id: 'mine1',
  rid: 'R',
  msg: 'hello',
  ts: Date.parse('2024-05-02T12:36:00.000Z'),
  attempts: 0,
  state: 'sending',
  ...over,
});

beforeEach(() => {
  beginSession({ server: 'http://rc.test' }, createKv());
  config.value = makeConfig({}, { hiddenSystemMessages: ['uj'] });
  openRoom('R');
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
    upsertMessages([
      msg({ _id: 's', t: 'livechat-started', msg: '' }),
      msg({ _id: 'j', t: 'uj', msg: 'joined' }),
      msg({ _id: 'x', t: 'command', msg: 'note' }),
    ]);
    expect(messages.value.map((m) => [m._id, m.from])).toEqual([['x', 'system']]);
    expect(closed.value).toBe(false);
    upsertMessages([msg({ _id: 'c', t: 'livechat-close', msg: 'Closed' })]);
    expect(closed.value).toBe(true);
  });

  it('§6 an outbox message becomes the server copy under the same _id, never a second bubble', () => {
    showOutbox([entry({})]);
    expect(messages.value).toMatchObject([{ _id: 'mine1', from: 'visitor', delivery: { state: 'sending' } }]);
    upsertMessages([msg({ _id: 'mine1', msg: 'hello', u: { _id: 'V', username: 'guest-1' }, token: 'nottoken' })]);
    expect(messages.value).toHaveLength(1);
    showOutbox([]);
    expect(messages.value).toHaveLength(1);
    expect(messages.value[0]!.delivery).toBeUndefined();
  });

  it('widget §6: a refused message shows its reason; messages of another room stay out of this one', () => {
    showOutbox([entry({ state: 'failed', error: 'room-closed' }), entry({ _id: 'other', rid: 'R0' }), entry({ _id: 'early', rid: '' })]);
    expect(messages.value.map((m) => [m._id, m.delivery])).toEqual([
      ['mine1', { state: 'failed', reason: 'room-closed' }],
      ['early', { state: 'sending' }],
    ]);
  });

  it('§6.5 <rid>/deleteMessage removes the message', () => {
    upsertMessages([msg({ _id: 'a' }), msg({ _id: 'b' })]);
    removeMessage('a');
    expect(messages.value.map((m) => m._id)).toEqual(['b']);
  });

  it('a new room starts with no messages; an answer about another room changes nothing', () => {
    upsertMessages([msg({ _id: 'a' })]);
    newChat();
    expect(messages.value).toEqual([]);
    openRoom('R2');
    upsertMessages([msg({ _id: 'late', rid: 'R' })]);
    expect(messages.value).toEqual([]);
  });

  it('widget §4.5: an unchanged message keeps its object (its item is not rendered again)', () => {
    upsertMessages([msg({ _id: 'a' }), msg({ _id: 'b', ts: '2024-05-02T12:36:00.000Z' })]);
    const [a, b] = messages.value;
    upsertMessages([msg({ _id: 'a' }), msg({ _id: 'c', ts: '2024-05-02T12:37:00.000Z' })]);
    expect(messages.value[0]).toBe(a);
    expect(messages.value[1]).toBe(b);
    showOutbox([entry({ _id: 'p1' })]);
    const pending = messages.value.find((m) => m._id == 'p1');
    showOutbox([entry({ _id: 'p1' }), entry({ _id: 'p2' })]);
    expect(messages.value.find((m) => m._id == 'p1')).toBe(pending);
    expect(messages.value[0]).toBe(a);
  });
});
