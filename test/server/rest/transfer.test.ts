// §4.9 switching department with an open room: POST livechat/room.transfer (6.x/7.x, deprecated in 7.0) and
// POST livechat/visitor/department.transfer (8.0+), both over RC's lib/transfer.ts + Helper.ts forwardRoomToDepartment.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWith, start, type TestServer } from './client.ts';
import type { StreamEvent } from '../../../server/store.ts';

let s: TestServer;
/** Agent Two serves Support only, so a Sales room can move there. */
beforeEach(async () => {
  s = await start({
    seed: seedWith(
      {},
      {
        agents: [
          { _id: 'agent-1', username: 'agent1', name: 'Agent One', status: 'online', departments: ['dep-sales'] },
          { _id: 'agent-2', username: 'agent2', name: 'Agent Two', status: 'online', departments: ['dep-support'] },
        ],
      },
    ),
  });
});
afterEach(() => s.close());

describe('§4.9 POST livechat/room.transfer', () => {
  it("§4.9 moves the room: the new department's agent takes it (agentData), a livechat_transfer_history message, the room back", async () => {
    const { rid, visitor } = await s.chat('tok', { name: 'Jane', department: 'dep-sales' });
    const events: StreamEvent[] = [];
    s.store.bus.on('stream', (e) => events.push(e));
    const r = await s.api('POST', 'livechat/room.transfer', { token: 'tok', rid, department: 'dep-support' });
    expect(r.body).toEqual({
      success: true,
      room: {
        _id: rid,
        t: 'l',
        departmentId: 'dep-support',
        open: true,
        ts: expect.any(String),
        servedBy: { _id: 'agent-2', username: 'agent2', ts: expect.any(String) },
        v: { _id: visitor._id, username: visitor.username, token: 'tok', status: 'online' },
      },
    });
    expect(events.map((e) => e.stream)).toEqual(['stream-livechat-room', 'stream-room-messages']);
    expect(events[0].args[0]).toMatchObject({ type: 'agentData', data: { _id: 'agent-2', username: 'agent2' } });
    expect(s.store.roomMessages(rid).at(-1)).toMatchObject({
      t: 'livechat_transfer_history',
      token: 'tok',
      u: { _id: visitor._id },
      transferData: {
        scope: 'department',
        previousDepartment: 'dep-sales',
        nextDepartment: { _id: 'dep-support', name: 'Support' },
        transferredBy: { _id: visitor._id, username: visitor.username, name: 'Jane', userType: 'visitor' },
      },
    });
    expect(s.store.visitorByToken('tok')?.department).toBe('dep-sales'); // the visitor's own department is not touched
  });
  it("§4.9 refusals in RC's order: validation, invalid-token, invalid-room, unknown department, same department", async () => {
    const { rid } = await s.chat('tok', { department: 'dep-sales' });
    await s.chat('other');
    const post = (body: object) => s.api('POST', 'livechat/room.transfer', body);
    expect((await post({ token: 'tok', rid })).body.error).toBe("must have required property 'department' [invalid-params]");
    expect((await post({ token: 'nobody', rid, department: 'dep-support' })).body.error).toBe('invalid-token');
    expect((await post({ token: 'other', rid, department: 'dep-support' })).body.error).toBe('invalid-room');
    expect((await post({ token: 'tok', rid, department: 'nope' })).body.error).toBe('error-invalid-department');
    expect((await post({ token: 'tok', rid, department: 'dep-sales' })).body.error).toBe('error-forwarding-chat-same-department');
  });
  it('§4.9 no other agent online in the new department → error-no-agents-online-in-department, nothing moved', async () => {
    const { rid } = await s.chat('tok', { department: 'dep-sales' });
    s.store.agents.get('agent-2')!.status = 'offline';
    expect((await s.api('POST', 'livechat/room.transfer', { token: 'tok', rid, department: 'dep-support' })).body).toEqual({
      success: false,
      error: 'error-no-agents-online-in-department',
    });
    expect(s.store.rooms.get(rid)).toMatchObject({ departmentId: 'dep-sales', servedBy: { _id: 'agent-1' } });
  });
  it('§4.9 a closed room → 400 {success:false} (API.v1.failure())', async () => {
    const { rid } = await s.chat('tok', { department: 'dep-sales' });
    await s.api('POST', 'livechat/room.close', { token: 'tok', rid });
    const r = await s.api('POST', 'livechat/room.transfer', { token: 'tok', rid, department: 'dep-support' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false });
  });
});

describe('§4.9 POST livechat/visitor/department.transfer (8.0+)', () => {
  it('§4.9 moves the room and answers {success:true} only', async () => {
    const { rid } = await s.chat('tok', { department: 'dep-sales' });
    expect((await s.api('POST', 'livechat/visitor/department.transfer', { token: 'tok', rid, department: 'dep-support' })).body).toEqual({
      success: true,
    });
    expect(s.store.rooms.get(rid)).toMatchObject({ departmentId: 'dep-support', servedBy: { _id: 'agent-2' } });
  });
  it('§1.3 typed-route validation: invalid-params without the [invalid-params] suffix', async () => {
    expect((await s.api('POST', 'livechat/visitor/department.transfer', { rid: 'x', department: 'y' })).body).toEqual({
      success: false,
      errorType: 'invalid-params',
      error: "must have required property 'token'",
    });
  });
  it('§4.9 failures: invalid-token, error-invalid-room, This_conversation_is_already_closed', async () => {
    const { rid } = await s.chat('tok', { department: 'dep-sales' });
    const post = (body: object) => s.api('POST', 'livechat/visitor/department.transfer', body);
    expect((await post({ token: 'nobody', rid, department: 'dep-support' })).body).toEqual({ success: false, error: 'invalid-token' });
    expect((await post({ token: 'tok', rid: 'nope', department: 'dep-support' })).body).toEqual({ success: false, error: 'error-invalid-room' });
    await s.api('POST', 'livechat/room.close', { token: 'tok', rid });
    expect((await post({ token: 'tok', rid, department: 'dep-support' })).body).toEqual({
      success: false,
      error: 'This_conversation_is_already_closed',
    });
  });
});
