// §4.3 POST livechat/message, §4.4 messages.history, §4.5 message/:_id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { start, type TestServer } from './client.ts';
import type { StreamEvent } from '../../../server/store.ts';

let s: TestServer;
let rid: string;
let visitorId: string;
beforeEach(async () => {
  s = await start();
  const chat = await s.chat('tok', { name: 'Jane' });
  rid = chat.rid;
  visitorId = chat.visitor._id;
});
afterEach(() => s.close());
const send = (body: Record<string, unknown>) => s.api('POST', 'livechat/message', { token: 'tok', rid, ...body });

describe('§4.3 POST livechat/message', () => {
  it('§4.3 the client _id becomes the message _id; shape as sent by a visitor; broadcast on stream-room-messages', async () => {
    const events: StreamEvent[] = [];
    s.store.bus.on('stream', (e) => events.push(e));
    const r = await send({ msg: 'hello', _id: 'client-1' });
    expect(r.body).toEqual({
      message: {
        _id: 'client-1',
        rid,
        msg: 'hello',
        token: 'tok',
        alias: 'Jane',
        u: { _id: visitorId, username: 'guest-1', name: 'Jane' },
        ts: expect.any(String),
        _updatedAt: expect.any(String),
        urls: [],
        mentions: [],
        channels: [],
        md: [{ type: 'PARAGRAPH', value: [{ type: 'PLAIN_TEXT', value: 'hello' }] }],
      },
      success: true,
    });
    expect(events).toMatchObject([{ stream: 'stream-room-messages', eventName: rid, args: [{ _id: 'client-1' }] }]);
    expect(s.store.rooms.get(rid)?.msgs).toBe(1);
  });

  it('§4.3 re-sending the same _id is not idempotent: 400 TypeError text', async () => {
    await send({ msg: 'hello', _id: 'dup' });
    const r = await send({ msg: 'hello', _id: 'dup' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error: 'Cannot convert undefined or null to object' });
    expect(s.store.roomMessages(rid).filter((m) => m._id === 'dup')).toHaveLength(1);
  });

  it('§4.3 without _id a random id is used', async () => {
    expect((await send({ msg: 'x' })).body.message._id).toMatch(/^[23456789A-Za-z]{17}$/);
  });

  it.each([
    [{ rid: undefined }, "must have required property 'rid' [invalid-params]"],
    [{ msg: undefined }, "must have required property 'msg' [invalid-params]"],
    [{ msg: 'x', extra: true }, 'must NOT have additional properties [invalid-params]'],
    [{ msg: 'x', token: 'nobody' }, 'invalid-token'],
    [{ msg: 'x', rid: 'nope' }, 'invalid-room'],
  ])('§4.3 %j → %s', async (over, error) => {
    const r = await send(over);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe(error);
  });

  it("§4.3 another visitor's room → invalid-room; closed room → room-closed", async () => {
    await s.chat('other');
    expect((await s.api('POST', 'livechat/message', { token: 'other', rid, msg: 'x' })).body.error).toBe('invalid-room');
    await s.api('POST', 'livechat/room.close', { token: 'tok', rid });
    expect((await send({ msg: 'x' })).body.error).toBe('room-closed');
  });

  it('§4.3 Livechat_enable_message_character_limit enforces Livechat_message_character_limit', async () => {
    Object.assign(s.store.settings, { Livechat_enable_message_character_limit: true, Livechat_message_character_limit: 5 });
    expect((await send({ msg: '12345' })).status).toBe(200);
    expect((await send({ msg: '123456' })).body.error).toBe('message-length-exceeds-character-limit');
  });
});

describe('§4.4 GET livechat/messages.history/:rid', () => {
  it('§4.4 newest first, includes livechat-started, end is exclusive, limit applies, ls does not filter', async () => {
    for (const msg of ['one', 'two', 'three']) await send({ msg });
    const list = s.store.roomMessages(rid);
    list.forEach((m, i) => {
      m.ts = new Date(Date.UTC(2024, 0, 1, 0, 0, i));
    });
    const all = (await s.api('GET', `livechat/messages.history/${rid}?token=tok`)).body.messages;
    expect(all.map((m: { msg: string; t?: string }) => m.t ?? m.msg)).toEqual(['three', 'two', 'one', 'livechat-started']);
    const end = list[2].ts.toISOString();
    const older = (await s.api('GET', `livechat/messages.history/${rid}?token=tok&end=${end}&limit=1`)).body.messages;
    expect(older.map((m: { msg: string }) => m.msg)).toEqual(['one']);
    const ls = (await s.api('GET', `livechat/messages.history/${rid}?token=tok&ls=${new Date().toISOString()}`)).body.messages;
    expect(ls).toHaveLength(4);
  });

  it('§4.4 hidden types come from Hide_System_Messages (loadMessageHistory), not Livechat_hide_system_messages', async () => {
    s.store.settings.Livechat_hide_system_messages = ['livechat-started'];
    await send({ msg: 'hi' });
    const history = async () =>
      (await s.api('GET', `livechat/messages.history/${rid}?token=tok`)).body.messages.map((m: { t?: string; msg: string }) => m.t ?? m.msg);
    expect(await history()).toEqual(['hi', 'livechat-started']);
    s.store.settings.Hide_System_Messages = ['livechat-started'];
    expect(await history()).toEqual(['hi']);
  });

  it.each([
    ['', "must have required property 'token' [invalid-params]"],
    ['?token=tok&foo=1', 'must NOT have additional properties [invalid-params]'],
    ['?token=nobody', 'invalid-token'],
  ])('§4.4 query %s → %s', async (q, error) => {
    expect((await s.api('GET', `livechat/messages.history/${rid}${q}`)).body.error).toBe(error);
  });

  it("§4.4 another visitor's room → invalid-room", async () => {
    await s.chat('other');
    expect((await s.api('GET', `livechat/messages.history/${rid}?token=other`)).body.error).toBe('invalid-room');
  });
});

describe('§4.5 livechat/message/:_id', () => {
  it('§4.5 GET returns the message; other room → invalid-message', async () => {
    await send({ msg: 'hello', _id: 'm1' });
    expect((await s.api('GET', `livechat/message/m1?token=tok&rid=${rid}`)).body.message).toMatchObject({ _id: 'm1', msg: 'hello' });
    const other = await s.chat('other');
    await s.api('POST', 'livechat/message', { token: 'other', rid: other.rid, msg: 'x', _id: 'm2' });
    expect((await s.api('GET', `livechat/message/m2?token=tok&rid=${rid}`)).body.error).toBe('invalid-message');
    expect((await s.api('GET', `livechat/message/m1?token=tok`)).body.error).toBe("must have required property 'rid' [invalid-params]");
  });

  it('§4.5 PUT edits with editedAt/editedBy and re-emits the message', async () => {
    await send({ msg: 'hello', _id: 'm1' });
    const events: StreamEvent[] = [];
    s.store.bus.on('stream', (e) => events.push(e));
    const r = await s.api('PUT', 'livechat/message/m1', { token: 'tok', rid, msg: 'edited' });
    expect(r.body.message).toMatchObject({
      _id: 'm1',
      msg: 'edited',
      editedAt: expect.any(String),
      editedBy: { _id: visitorId, username: 'guest-1' },
    });
    expect(events).toMatchObject([{ stream: 'stream-room-messages', args: [{ _id: 'm1', msg: 'edited' }] }]);
  });

  it('§4.5 DELETE answers {_id, ts} and broadcasts <rid>/deleteMessage', async () => {
    await send({ msg: 'hello', _id: 'm1' });
    const events: StreamEvent[] = [];
    s.store.bus.on('stream', (e) => events.push(e));
    const r = await s.api('DELETE', 'livechat/message/m1', { token: 'tok', rid });
    expect(r.body).toEqual({ message: { _id: 'm1', ts: expect.any(String) }, success: true });
    expect(events).toMatchObject([{ stream: 'stream-notify-room', eventName: `${rid}/deleteMessage`, args: [{ _id: 'm1' }] }]);
    expect((await s.api('DELETE', 'livechat/message/m1', { token: 'tok', rid })).body.error).toBe('invalid-message');
  });

  it("§4.5 editing or deleting a message that is not the visitor's → error-action-not-allowed", async () => {
    const started = s.store.roomMessages(rid)[0]._id;
    expect((await s.api('PUT', `livechat/message/${started}`, { token: 'tok', rid, msg: 'x' })).body.errorType).toBe('error-action-not-allowed');
    expect((await s.api('DELETE', `livechat/message/${started}`, { token: 'tok', rid })).body.errorType).toBe('error-action-not-allowed');
  });
});
