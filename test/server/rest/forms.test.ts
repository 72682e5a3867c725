// §4.8 offline.message, §4.10 transcript (the upload of §4.11 is in upload.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWith, start, type TestServer } from './client.ts';

let s: TestServer;
beforeEach(async () => {
  s = await start();
});
afterEach(() => s.close());

describe('§4.8 POST livechat/offline.message (api/v1/offlineMessage.ts over lib/messages.ts sendOfflineMessage)', () => {
  const form = { name: 'Jane', email: 'jane@example.com', message: 'Call me', department: 'dep-sales' };
  const failure = { success: false, error: 'Error sending Omnichannel offline message' };
  it('§4.8 sends and keeps the message', async () => {
    expect((await s.api('POST', 'livechat/offline.message', form)).body).toEqual({ message: 'Livechat offline message sent', success: true });
    expect(s.store.offlineMessages).toMatchObject([{ name: 'Jane', email: 'jane@example.com', message: 'Call me', department: 'dep-sales' }]);
  });
  it.each([
    ['Livechat_display_offline_form', false],
    ['Livechat_offline_email', ''],
    ['Livechat_offline_email', 'afsdxcvxc'],
  ])('§4.8 %s = %j → Error sending Omnichannel offline message (11-livechat.ts "not setup or is invalid")', async (id, value) => {
    s.store.settings[id] = value;
    const r = await s.api('POST', 'livechat/offline.message', form);
    expect(r.status).toBe(400);
    expect(r.body).toEqual(failure);
    expect(s.store.offlineMessages).toEqual([]);
  });
  it('§4.8 an empty email fails too; a sender address is otherwise not checked for format', async () => {
    expect((await s.api('POST', 'livechat/offline.message', { ...form, email: '' })).body).toEqual(failure);
  });
  it('§4.8 missing message → AJV envelope', async () => {
    expect((await s.api('POST', 'livechat/offline.message', { name: 'a', email: 'a@b.co' })).body.error).toBe(
      "must have required property 'message' [invalid-params]",
    );
  });
});

describe('§4.8 Livechat_validate_offline_email (on in RC by default, off in the default seed): the domain needs an MX record', () => {
  let asked: string[];
  beforeEach(async () => {
    await s.close();
    asked = [];
    s = await start({
      seed: seedWith({ Livechat_validate_offline_email: true }),
      resolveMx: async (domain) => {
        asked.push(domain);
        if (domain !== 'example.com') throw Object.assign(new Error(`queryMx ENOTFOUND ${domain}`), { code: 'ENOTFOUND' });
        return [{ exchange: 'mail.example.com', priority: 10 }];
      },
    });
  });
  it('§4.8 a domain without MX → Error sending Omnichannel offline message ("test@fadsjfldasjfd.com")', async () => {
    const r = await s.api('POST', 'livechat/offline.message', { name: 'test', email: 'test@fadsjfldasjfd.com', message: 'test' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error: 'Error sending Omnichannel offline message' });
    expect(asked).toEqual(['fadsjfldasjfd.com']);
  });
  it('§4.8 the part after the last @ is looked up; a resolvable domain passes', async () => {
    expect((await s.api('POST', 'livechat/offline.message', { name: 'a', email: 'odd@name@example.com', message: 'hi' })).body.success).toBe(true);
    expect(asked).toEqual(['example.com']);
  });
});

describe('§4.10 POST livechat/transcript (lib/sendTranscript.ts, 6.13+)', () => {
  it("§4.10 sent for the visitor's room, leaving a livechat_transcript_history message by rocket.cat", async () => {
    const { rid } = await s.chat('tok');
    expect((await s.api('POST', 'livechat/transcript', { token: 'tok', rid, email: 'jane@example.com' })).body).toEqual({
      message: 'Livechat transcript sent',
      success: true,
    });
    expect(s.store.roomMessages(rid).at(-1)).toMatchObject({
      t: 'livechat_transcript_history',
      u: { username: 'rocket.cat' },
      requestData: { type: 'visitor', visitor: { token: 'tok' } },
    });
  });
  it("§4.10 the room's own token is the credential: unknown room → error-invalid-room, another token → error-invalid-visitor", async () => {
    const { rid } = await s.chat('tok');
    await s.chat('other');
    expect((await s.api('POST', 'livechat/transcript', { token: 'tok', rid: 'nope', email: 'a@b.co' })).body).toEqual({
      success: false,
      error: 'error-invalid-room',
    });
    expect((await s.api('POST', 'livechat/transcript', { token: 'other', rid, email: 'a@b.co' })).body).toEqual({
      success: false,
      error: 'error-invalid-visitor',
    });
    expect((await s.api('POST', 'livechat/transcript', { token: 'nobody', rid, email: 'a@b.co' })).body).toEqual({
      success: false,
      error: 'error-invalid-visitor',
    });
  });
  it('§4.10 "even if token changed by using an old token that matches room.v": same visitor by email, both rooms', async () => {
    const first = await s.chat('old-token', { email: 'jane@example.com' });
    await s.api('POST', 'livechat/room.close', { token: 'old-token', rid: first.rid });
    const second = await s.chat('new-token', { email: 'jane@example.com' });
    expect(second.visitor._id).toBe(first.visitor._id); // found by email, token replaced
    expect(s.store.visitorByToken('old-token')).toBeUndefined();
    await s.api('POST', 'livechat/room.close', { token: 'new-token', rid: second.rid });
    expect((await s.api('POST', 'livechat/transcript', { token: 'old-token', rid: first.rid, email: 'jane@example.com' })).body.success).toBe(true);
    expect((await s.api('POST', 'livechat/transcript', { token: 'new-token', rid: second.rid, email: 'jane@example.com' })).body.success).toBe(true);
  });
  it('§4.10 an address the mailer refuses → [invalid email]; missing email → AJV', async () => {
    const { rid } = await s.chat('tok');
    expect((await s.api('POST', 'livechat/transcript', { token: 'tok', rid, email: 'test' })).body).toEqual({
      success: false,
      error: '[invalid email]',
      errorType: 'invalid email',
    });
    expect((await s.api('POST', 'livechat/transcript', { token: 'tok', rid })).body.error).toBe(
      "must have required property 'email' [invalid-params]",
    );
  });
});
