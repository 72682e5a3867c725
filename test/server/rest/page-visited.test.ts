// §3.7 POST livechat/page.visited — RC's api/v1/pageVisited.ts over lib/tracking.ts savePageHistory, and its API
// tests (tests/end-to-end/api/livechat/11-livechat.ts "livechat/page.visited").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { start, type TestServer } from './client.ts';
import type { StreamEvent } from '../../../server/store.ts';

let s: TestServer;
beforeEach(async () => {
  s = await start();
});
afterEach(() => s.close());
const pageInfo = (change: string) => ({ title: 'Pricing', change, location: { href: 'https://site.example/pricing' } });
const navigation = (rid: string) => s.store.roomMessages(rid).filter((m) => m.t === 'livechat_navigation_history');
const history = async (rid: string, token: string) =>
  (await s.api('GET', `livechat/messages.history/${rid}?token=${token}`)).body.messages.map((m: { t?: string }) => m.t ?? 'text');

describe('§3.7 which changes are recorded (Livechat_history_monitor_type: "url" by default, or "title")', () => {
  it('§3.7 change ≠ monitor type → {success:true} only, nothing stored; the token is not checked', async () => {
    const { rid } = await s.chat('tok');
    expect((await s.api('POST', 'livechat/page.visited', { token: 'test', rid, pageInfo: pageInfo('title') })).body).toEqual({ success: true });
    expect(navigation(rid)).toEqual([]);
  });
  it('§3.7 with "title" monitored, title changes are recorded and URL changes are not', async () => {
    const { rid } = await s.chat('tok');
    s.store.settings.Livechat_history_monitor_type = 'title';
    expect((await s.api('POST', 'livechat/page.visited', { token: 'tok', rid, pageInfo: pageInfo('url') })).body).toEqual({ success: true });
    expect((await s.api('POST', 'livechat/page.visited', { token: 'tok', rid, pageInfo: pageInfo('title') })).body.page.navigation.page.change).toBe(
      'title',
    );
    expect(navigation(rid).map((m) => (m.navigation as { page: { change: string } }).page.change)).toEqual(['title']);
  });
});

describe('§3.7 the livechat_navigation_history message', () => {
  it('§3.7 in an open room, by default (Livechat_Visitor_navigation_as_a_message off): stored hidden — not in history, not streamed', async () => {
    const { rid } = await s.chat('tok');
    const events: StreamEvent[] = [];
    s.store.bus.on('stream', (e) => events.push(e));
    const r = await s.api('POST', 'livechat/page.visited', { token: 'tok', rid, pageInfo: pageInfo('url') });
    expect(r.body).toEqual({
      page: { msg: 'Pricing - https://site.example/pricing', navigation: { page: pageInfo('url'), token: 'tok' } },
      success: true,
    });
    expect(navigation(rid)).toMatchObject([{ _hidden: true, rid, u: { _id: 'rocket.cat', username: 'rocket.cat' }, groupable: false }]);
    expect(events).toEqual([]);
    expect(await history(rid, 'tok')).not.toContain('livechat_navigation_history');
  });
  it('§3.7 with Livechat_Visitor_navigation_as_a_message: a room message, streamed and in history', async () => {
    const { rid } = await s.chat('tok');
    s.store.settings.Livechat_Visitor_navigation_as_a_message = true;
    const events: StreamEvent[] = [];
    s.store.bus.on('stream', (e) => events.push(e));
    await s.api('POST', 'livechat/page.visited', { token: 'tok', rid, pageInfo: pageInfo('url') });
    expect(events).toMatchObject([
      { stream: 'stream-room-messages', eventName: rid, args: [{ t: 'livechat_navigation_history', msg: 'Pricing - https://site.example/pricing' }] },
    ]);
    expect((await history(rid, 'tok'))[0]).toBe('livechat_navigation_history');
    expect(navigation(rid)[0]).not.toHaveProperty('_hidden');
  });
  it('§3.7 no rid (no room yet): stored for a month ("should store values for 1 month if visitor has no room yet")', async () => {
    const r = await s.api('POST', 'livechat/page.visited', { token: 'test', pageInfo: pageInfo('url') });
    expect(r.body.page).toHaveProperty('msg');
    expect(r.body.page).toHaveProperty('navigation');
    const [kept] = navigation('');
    expect((kept.expireAt as number) - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
  });
  it('§3.7 like RC, the rid is taken as given: a closed room of the visitor gets the (hidden) message too', async () => {
    const { rid } = await s.chat('tok');
    await s.api('POST', 'livechat/room.close', { token: 'tok', rid });
    await s.api('POST', 'livechat/page.visited', { token: 'tok', rid, pageInfo: pageInfo('url') });
    expect(navigation(rid)).toHaveLength(1);
  });
});

describe('§3.7 validation (isPOSTLivechatPageVisitedParams)', () => {
  it.each([
    [{ pageInfo: pageInfo('url') }, "must have required property 'token' [invalid-params]"],
    [{ token: 't' }, "must have required property 'pageInfo' [invalid-params]"],
    [{ token: 't', rid: {}, pageInfo: pageInfo('url') }, 'must be string [invalid-params]'],
    [{ token: 't', pageInfo: {} }, "must have required property 'title' [invalid-params]"],
    [{ token: 't', pageInfo: { ...pageInfo('url'), extra: 1 } }, 'must NOT have additional properties [invalid-params]'],
    [{ token: 't', pageInfo: { ...pageInfo('url'), location: { href: 'x', hash: '' } } }, 'must NOT have additional properties [invalid-params]'],
  ])('§3.7 %j → 400 %s', async (body, error) => {
    const r = await s.api('POST', 'livechat/page.visited', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe(error);
  });
});
