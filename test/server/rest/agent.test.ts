// §4.9 GET livechat/agent.info/:rid/:token and GET livechat/agent.next/:token (RC's api/v1/agent.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { start, type TestServer } from './client.ts';

let s: TestServer;
beforeEach(async () => {
  s = await start();
});
afterEach(() => s.close());
const AGENT = { _id: 'agent-1', username: 'agent1', name: 'Agent One', status: 'online' };

describe('§4.9 GET livechat/agent.info/:rid/:token', () => {
  it('§4.9 returns the serving agent, or hiddenInfo', async () => {
    const { rid } = await s.chat('tok');
    expect((await s.api('GET', `livechat/agent.info/${rid}/tok`)).body).toEqual({ agent: AGENT, success: true });
    s.store.settings.Livechat_show_agent_info = false;
    expect((await s.api('GET', `livechat/agent.info/${rid}/tok`)).body.agent).toEqual({ hiddenInfo: true });
  });
  it('§4.9 errors: invalid-token, invalid-room, invalid-agent', async () => {
    const { rid } = await s.chat('tok');
    expect((await s.api('GET', `livechat/agent.info/${rid}/nobody`)).body.error).toBe('invalid-token');
    expect((await s.api('GET', 'livechat/agent.info/nope/tok')).body.error).toBe('invalid-room');
    delete s.store.rooms.get(rid)!.servedBy;
    expect((await s.api('GET', `livechat/agent.info/${rid}/tok`)).body.error).toBe('invalid-agent');
  });
});

describe('§4.9 GET livechat/agent.next/:token', () => {
  it('§4.9 without an open room: the agent routing would pick, for the department asked or else the required one', async () => {
    expect((await s.api('GET', 'livechat/agent.next/tok')).body).toEqual({ agent: AGENT, success: true });
    expect((await s.api('GET', 'livechat/agent.next/tok?department=dep-support')).body).toEqual({ agent: AGENT, success: true });
  });
  it('§4.9 a token with an open room gets success alone', async () => {
    await s.chat('tok');
    expect((await s.api('GET', 'livechat/agent.next/tok')).body).toEqual({ success: true });
  });
  it('§4.9 nobody available (no agent online, unknown department) → 400 agent-not-found; the token itself is not checked', async () => {
    const r = await s.api('GET', 'livechat/agent.next/invalid-token?department=nope');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error: 'agent-not-found' });
    s.store.agents.get('agent-1')!.status = 'offline';
    expect((await s.api('GET', 'livechat/agent.next/invalid-token')).body).toEqual({ success: false, error: 'agent-not-found' });
  });
  it('§4.9 hidden agent info and other query keys (isGETAgentNextToken, additionalProperties:false)', async () => {
    s.store.settings.Livechat_show_agent_info = false;
    expect((await s.api('GET', 'livechat/agent.next/tok')).body).toEqual({ agent: { hiddenInfo: true }, success: true });
    expect((await s.api('GET', 'livechat/agent.next/tok?foo=1')).body).toEqual({
      success: false,
      error: 'must NOT have additional properties [invalid-params]',
      errorType: 'invalid-params',
    });
  });
});
