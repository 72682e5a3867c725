// §2.3 registration behaviour, §2.4 response, §3.1–§3.3 visitor read/forget/status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWith, start, type TestServer } from './client.ts';

let s: TestServer;
beforeEach(async () => {
  s = await start();
});
afterEach(() => s.close());

const register = (visitor: Record<string, unknown>, headers?: Record<string, string>) => s.api('POST', 'livechat/visitor', { visitor }, headers);

describe('§2.3 POST livechat/visitor behaviour', () => {
  it('§2.3.7 new visitors get guest-<n> from a global counter that is never reused', async () => {
    const a = await register({ token: 'a' });
    const b = await register({ token: 'b' });
    await register({ token: 'named', username: 'custom-user' });
    const c = await register({ token: 'c' });
    expect([a.body.visitor.username, b.body.visitor.username, c.body.visitor.username]).toEqual(['guest-1', 'guest-2', 'guest-3']);
    expect(s.store.setting('Livechat_guest_count')).toBe(4);
  });

  it('§2.4 response has _id, username, token, status online, ISO ts/_updatedAt', async () => {
    const r = await register({ token: 'tok', name: 'Jane', phone: '+1 555 1234', email: 'Jane@Example.com ' });
    expect(r.status).toBe(200);
    expect(r.body.success).toBe(true);
    expect(r.body.visitor).toMatchObject({
      username: 'guest-1',
      token: 'tok',
      status: 'online',
      name: 'Jane',
      phone: [{ phoneNumber: '+1 555 1234' }],
      visitorEmails: [{ address: 'jane@example.com' }],
    });
    expect(r.body.visitor.ts).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(r.body.visitor).not.toHaveProperty('livechatData');
  });

  it('§2.3.6 lookup by token updates the same visitor; omitted fields are kept', async () => {
    const first = await register({ token: 'tok', name: 'Jane', email: 'j@x.io' });
    const again = await register({ token: 'tok', name: 'Janet', email: '' });
    expect(again.body.visitor._id).toBe(first.body.visitor._id);
    expect(again.body.visitor).toMatchObject({ name: 'Janet', visitorEmails: [{ address: 'j@x.io' }] });
  });

  it('§2.3.6.2 lookup by phone keeps the old token', async () => {
    const first = await register({ token: 'old', phone: '555' });
    const r = await register({ token: 'new', phone: '555' });
    expect(r.body.visitor._id).toBe(first.body.visitor._id);
    expect(r.body.visitor.token).toBe('old');
  });

  it('§2.3.6.3 lookup by email replaces the token', async () => {
    const first = await register({ token: 'old', email: 'a@b.c' });
    const r = await register({ token: 'new', email: 'A@B.C' });
    expect(r.body.visitor._id).toBe(first.body.visitor._id);
    expect(r.body.visitor.token).toBe('new');
  });

  it('§2.3.6 phone is looked up before email', async () => {
    const byPhone = await register({ token: 'p', phone: '1' });
    await register({ token: 'e', email: 'e@x.y' });
    const r = await register({ token: 'z', phone: '1', email: 'e@x.y' });
    expect(r.body.visitor._id).toBe(byPhone.body.visitor._id);
  });

  it('§2.3.7 visitor.id is honoured on create', async () => {
    const r = await register({ token: 't', id: 'myVisitorId' });
    expect(r.body.visitor._id).toBe('myVisitorId');
  });

  it('§2.3.3 department by name is stored as its _id', async () => {
    const r = await register({ token: 't', department: 'Support' });
    expect(r.body.visitor.department).toBe('dep-support');
  });

  it('§2.3.8 every call re-marks the visitor online', async () => {
    await register({ token: 't' });
    await s.api('POST', 'livechat/visitor.status', { token: 't', status: 'away' });
    expect((await register({ token: 't' })).body.visitor.status).toBe('online');
  });

  it('§2.3.11 custom fields: only known visitor-scope keys, overwrite:false keeps the old value', async () => {
    s.store.customFields.set('roomField', { ...s.store.customFields.get('plan')!, _id: 'roomField', scope: 'room' });
    const fields = (plan: string, overwrite: boolean) => [
      { key: 'orderNumber', value: '1234', overwrite: true },
      { key: 'plan', value: plan, overwrite },
      { key: 'unknown', value: 'x', overwrite: true },
      { key: 'roomField', value: 'y', overwrite: true },
    ];
    expect((await register({ token: 't', customFields: fields('Pro', true) })).body.visitor.livechatData).toEqual({
      orderNumber: '1234',
      plan: 'Pro',
    });
    expect((await register({ token: 't', customFields: fields('Free', false) })).body.visitor.livechatData.plan).toBe('Pro');
    expect((await register({ token: 't', customFields: fields('Free', true) })).body.visitor.livechatData.plan).toBe('Free');
  });

  it('§2.3.11 regexp is not checked here; omitting customFields skips the required check', async () => {
    const r = await register({ token: 't', customFields: [{ key: 'orderNumber', value: 'abc', overwrite: true }] });
    expect(r.body.visitor.livechatData).toEqual({ orderNumber: 'abc' });
    expect((await register({ token: 'u' })).status).toBe(200);
  });

  it('§2.3.7 HTTP header collection stores userAgent/ip/host on create only when the setting is on', async () => {
    expect((await register({ token: 'off' })).body.visitor).not.toHaveProperty('ip');
    await s.close();
    s = await start({ seed: seedWith({ Livechat_Allow_collect_and_store_HTTP_header_informations: true }) });
    const r = await register({ token: 'on' }, { 'x-real-ip': '10.1.2.3', 'user-agent': 'UA/1' });
    expect(r.body.visitor).toMatchObject({ ip: '10.1.2.3', userAgent: 'UA/1' });
    expect(r.body.visitor.host).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('§2.3.10 open rooms get the new name', async () => {
    const { rid } = await s.chat('t', { name: 'Old' });
    await register({ token: 't', name: 'New' });
    expect(s.store.rooms.get(rid)?.fname).toBe('New');
  });
});

describe('§3.1 GET livechat/visitor/:token', () => {
  it('§3.1 returns the visitor', async () => {
    const v = (await register({ token: 'tok', name: 'Jane' })).body.visitor;
    const r = await s.api('GET', 'livechat/visitor/tok');
    expect(r.body).toEqual({ visitor: v, success: true });
  });
  it('§3.1 unknown token → [invalid-token]', async () => {
    const r = await s.api('GET', 'livechat/visitor/nobody');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error: '[invalid-token]', errorType: 'invalid-token' });
  });
});

describe('§3.2 DELETE livechat/visitor/:token', () => {
  it('§3.2 deletes and answers {_id, ts}', async () => {
    const v = (await register({ token: 'tok' })).body.visitor;
    const r = await s.api('DELETE', 'livechat/visitor/tok');
    expect(r.body).toEqual({ visitor: { _id: v._id, ts: expect.any(String) }, success: true });
    expect((await s.api('GET', 'livechat/visitor/tok')).body.error).toBe('[invalid-token]');
  });
  it('§3.2 unknown token → [invalid-token]', async () => {
    expect((await s.api('DELETE', 'livechat/visitor/none')).body.error).toBe('[invalid-token]');
  });
  it('§3.2 open rooms block deletion unless header collection is on', async () => {
    await s.chat('tok');
    const r = await s.api('DELETE', 'livechat/visitor/tok');
    expect(r.body).toEqual({
      success: false,
      error: 'Cannot remove visitors with opened rooms [visitor-has-open-rooms]',
      errorType: 'visitor-has-open-rooms',
    });
    s.store.settings.Livechat_Allow_collect_and_store_HTTP_header_informations = true;
    expect((await s.api('DELETE', 'livechat/visitor/tok')).status).toBe(200);
  });
});

describe('§3.3 POST livechat/visitor.status', () => {
  it('§3.3 sets the status and echoes it', async () => {
    await register({ token: 'tok' });
    const r = await s.api('POST', 'livechat/visitor.status', { token: 'tok', status: 'away' });
    expect(r.body).toEqual({ token: 'tok', status: 'away', success: true });
    expect(s.store.visitorByToken('tok')?.status).toBe('away');
  });
  it.each([
    [{ status: 'away' }, "Match error: Missing key 'token'"],
    [{ token: 'tok' }, "Match error: Missing key 'status'"],
    [{ token: 'tok', status: 1 }, 'Match error: Expected string, got number in field status'],
    [{ token: 'nobody', status: 'away' }, '[invalid-token]'],
  ])('§3.3 %j → %s', async (body, error) => {
    await register({ token: 'tok' });
    expect((await s.api('POST', 'livechat/visitor.status', body)).body.error).toBe(error);
  });
});

describe('§3.6 POST livechat/visitor.callStatus (api/v1/visitor.ts; 11-livechat.ts "livechat/visitor.callStatus")', () => {
  it('§3.6 echoes token and callStatus; the room carries the status (config.room.callStatus)', async () => {
    await register({ token: 'tok' });
    const rid = (await s.api('GET', 'livechat/room?token=tok')).body.room._id;
    const r = await s.api('POST', 'livechat/visitor.callStatus', { token: 'tok', rid, callStatus: 'going', callId: 'test' });
    expect(r.body).toEqual({ token: 'tok', callStatus: 'going', success: true });
    expect((await s.api('GET', 'livechat/config?token=tok')).body.config.room.callStatus).toBe('going');
  });
  it('§3.6 "ended" rewrites the call message of the room', async () => {
    await register({ token: 'tok' });
    const rid = (await s.api('GET', 'livechat/room?token=tok')).body.room._id;
    const call = s.store.systemMessage(
      s.store.rooms.get(rid)!,
      'livechat_webrtc_video_call',
      { _id: 'agent-1', username: 'agent1' },
      { msg: 'ringing' },
    );
    await s.api('POST', 'livechat/visitor.callStatus', { token: 'tok', rid, callStatus: 'ended', callId: call._id });
    expect(s.store.roomMessages(rid).find((m) => m._id === call._id)).toMatchObject({
      msg: 'ended',
      actionLinks: [],
      webRtcCallEndTs: expect.any(Date),
    });
  });
  it.each([
    [{}, "Match error: Missing key 'token'"],
    [{ token: 'test' }, "Match error: Missing key 'callStatus'"],
    [{ token: 'test', rid: 'test', callStatus: 'test' }, "Match error: Missing key 'callId'"],
    [{ token: 123, rid: 'test', callStatus: 'test', callId: 'test' }, 'Match error: Expected string, got number in field token'],
    [{ token: 'nobody', rid: 'test', callStatus: 'test', callId: 'test' }, '[invalid-token]'],
  ])('§3.6 %j → 400 %s', async (body, error) => {
    const r = await s.api('POST', 'livechat/visitor.callStatus', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe(error);
  });
});
