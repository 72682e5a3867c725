// §4.2 GET livechat/room, §4.6 room.close, §4.7 room.survey.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWith, start, type TestServer } from './client.ts';
import type { StreamEvent } from '../../../server/store.ts';

let s: TestServer;
beforeEach(async () => {
  s = await start();
});
afterEach(() => s.close());
const visitor = (token: string, extra = {}) => s.api('POST', 'livechat/visitor', { visitor: { token, ...extra } });

describe('§4.2 GET livechat/room', () => {
  it('§4.2 creates a room (newRoom true) with livechat-started, then returns it (newRoom false)', async () => {
    const v = (await visitor('tok', { name: 'Jane', department: 'dep-sales' })).body.visitor;
    const events: StreamEvent[] = [];
    s.store.bus.on('stream', (e) => events.push(e));
    const first = await s.api('GET', 'livechat/room?token=tok');
    expect(first.body).toMatchObject({ newRoom: true, success: true });
    expect(first.body.room).toMatchObject({
      t: 'l',
      msgs: 0,
      usersCount: 1,
      fname: 'Jane',
      open: true,
      cl: false,
      departmentId: 'dep-sales',
      source: { type: 'api' },
      v: { _id: v._id, username: v.username, token: 'tok', status: 'online' },
      servedBy: { _id: 'agent-1', username: 'agent1' },
    });
    const rid = first.body.room._id;
    expect(s.store.roomMessages(rid)).toMatchObject([{ t: 'livechat-started', msg: '', groupable: false, u: { _id: v._id, username: v.username } }]);
    expect(events.map((e) => [e.stream, (e.args[0] as { type?: string; t?: string }).type ?? (e.args[0] as { t?: string }).t])).toEqual([
      ['stream-room-messages', 'livechat-started'],
      ['stream-livechat-room', 'agentData'],
    ]);
    const again = await s.api('GET', 'livechat/room?token=tok');
    expect(again.body).toMatchObject({ room: { _id: rid }, newRoom: false });
    expect((await s.api('GET', `livechat/room?token=tok&rid=${rid}`)).body).toMatchObject({ room: { _id: rid }, newRoom: false });
  });

  it('§4.2.4 source.type is widget with the iframe cookies', async () => {
    await visitor('tok');
    const r = await s.api('GET', 'livechat/room?token=tok', undefined, { cookie: 'rc_room_type=l; rc_is_widget=t' });
    expect(r.body.room.source).toEqual({ type: 'widget' });
  });

  it.each([
    ['', "Match error: Missing key 'token'"],
    ['?token=tok&foo=1', 'Match error: Unknown key in field foo'],
    ['?token=nobody', 'invalid-token'],
    ['?token=tok&rid=nope', 'invalid-room'],
  ])('§4.2 livechat/room%s → %s', async (query, error) => {
    await visitor('tok');
    const r = await s.api('GET', `livechat/room${query}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error });
  });

  it("§4.2.3 another visitor's rid → invalid-room", async () => {
    const { rid } = await s.chat('other');
    await visitor('tok');
    expect((await s.api('GET', `livechat/room?token=tok&rid=${rid}`)).body.error).toBe('invalid-room');
  });

  it('§4.2.5 no agent online → Sorry, no online agents [no-agent-online]', async () => {
    s.store.agents.get('agent-1')!.status = 'offline';
    await visitor('tok');
    const r = await s.api('GET', 'livechat/room?token=tok');
    expect(r.body).toEqual({ success: false, error: 'Sorry, no online agents [no-agent-online]', errorType: 'no-agent-online' });
    s.store.settings.Livechat_accept_chats_with_no_agents = true;
    const queued = await s.api('GET', 'livechat/room?token=tok');
    expect(queued.body.newRoom).toBe(true);
    expect(queued.body.room).not.toHaveProperty('servedBy');
    expect(queued.body.room.waitingResponse).toBe(true);
  });

  it('§4.2.2 agentId asks for that agent; otherwise the least busy online agent of the department', async () => {
    s.store.agents.set('agent-2', { _id: 'agent-2', username: 'agent2', name: 'Agent Two', status: 'online', departments: ['dep-sales'] });
    await visitor('a');
    expect((await s.api('GET', 'livechat/room?token=a&agentId=agent-2')).body.room.servedBy._id).toBe('agent-2');
    await visitor('b');
    expect((await s.api('GET', 'livechat/room?token=b')).body.room.servedBy._id).toBe('agent-1');
  });
});

describe('§4.6 POST livechat/room.close', () => {
  it('§4.6 closes with "Closed by visitor" and a livechat-close message', async () => {
    const { rid } = await s.chat('tok');
    const r = await s.api('POST', 'livechat/room.close', { token: 'tok', rid });
    expect(r.body).toEqual({ rid, comment: 'Closed by visitor', success: true });
    const room = s.store.rooms.get(rid)!;
    expect(room.open).toBeUndefined();
    expect(room.closer).toBe('visitor');
    expect(s.store.roomMessages(rid).at(-1)).toMatchObject({ t: 'livechat-close', msg: 'Closed by visitor' });
    expect((await s.api('POST', 'livechat/room.close', { token: 'tok', rid })).body.error).toBe('room-closed');
    expect((await s.api('GET', 'livechat/room?token=tok')).body.newRoom).toBe(true);
  });

  it('§4.6 errors: invalid-token, invalid-room, missing rid', async () => {
    const { rid } = await s.chat('tok');
    await visitor('other');
    expect((await s.api('POST', 'livechat/room.close', { token: 'nobody', rid })).body.error).toBe('invalid-token');
    expect((await s.api('POST', 'livechat/room.close', { token: 'other', rid })).body.error).toBe('invalid-room');
    expect((await s.api('POST', 'livechat/room.close', { token: 'tok' })).body.error).toBe("must have required property 'rid' [invalid-params]");
  });

  it('§4.6 Omnichannel_allow_visitors_to_close_conversation false is checked first', async () => {
    await s.close();
    s = await start({ seed: seedWith({ Omnichannel_allow_visitors_to_close_conversation: false }) });
    expect((await s.api('POST', 'livechat/room.close', { token: 'nobody', rid: 'x' })).body).toEqual({
      success: false,
      error: 'error-not-allowed-to-close-conversation',
    });
  });
});

describe('§4.7 POST livechat/room.survey', () => {
  it('§4.7 turns the array into an object, dropping unknown names', async () => {
    const { rid } = await s.chat('tok');
    const data = [
      { name: 'satisfaction', value: '5' },
      { name: 'agentKnowledge', value: '3' },
      { name: 'bogus', value: '1' },
    ];
    const r = await s.api('POST', 'livechat/room.survey', { token: 'tok', rid, data });
    expect(r.body).toEqual({ rid, data: { satisfaction: '5', agentKnowledge: '3' }, success: true });
  });
  it('§4.7 nothing valid → invalid-data; empty data → minItems', async () => {
    const { rid } = await s.chat('tok');
    expect((await s.api('POST', 'livechat/room.survey', { token: 'tok', rid, data: [{ name: 'x', value: '1' }] })).body.error).toBe('invalid-data');
    expect((await s.api('POST', 'livechat/room.survey', { token: 'tok', rid, data: [] })).body.error).toBe(
      'must NOT have fewer than 1 items [invalid-params]',
    );
    expect((await s.api('POST', 'livechat/room.survey', { token: 'nobody', rid, data: [{ name: 'satisfaction', value: '1' }] })).body.error).toBe(
      'invalid-token',
    );
  });
});
