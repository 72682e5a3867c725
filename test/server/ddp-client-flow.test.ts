// The whole visitor flow with Rocket.Chat's own published client, @rocket.chat/ddp-client 1.1.2 (LivechatClientImpl,
// the client of the official widget from 6.x on), against the stand-in in-process. The agent side goes through the
// agent console's API, which acts through the store exactly as an agent would (§6.5).
//
// Node 20 has no global WebSocket (it arrived unflagged in Node 22), and LivechatClientImpl.create() reads the global,
// so the test lends it the `ws` package's. The client's uploadFile() needs XMLHttpRequest, which Node lacks, so uploads
// are not driven through it here (the REST upload tests cover the route).
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import { LivechatClientImpl } from '@rocket.chat/ddp-client';
import { startServer, type RunningServer } from '../../server/app.ts';
import { loadSeed } from '../../server/seed.ts';

let server: RunningServer;
let sdk: LivechatClientImpl;
/** what the client's stream callbacks received, in order */
const seen = {
  messages: [] as Record<string, any>[],
  activity: [] as [string, string[]][],
  deleted: [] as string[],
  agents: [] as Record<string, any>[],
  statuses: [] as string[],
};
const token = randomBytes(32).toString('hex'); // as packages/livechat/src/lib/random.ts makes it
let rid: string;

/** The client fills in the token itself; its typings name a `GET /v1/livechat/visitor` route rest-typings lacks, so
 * they ask for `never`. */
const currentVisitor = () => sdk.visitor({} as never) as Promise<{ visitor: Record<string, any> }>;

async function console(method: string, path: string, body?: unknown): Promise<Record<string, any>> {
  const res = await fetch(`${server.url}/agent/api${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as Record<string, any>;
}

/** The api-client rejects with the fetch Response on a non-2xx answer. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await call.then(
    () => {
      throw new Error('expected a refusal');
    },
    (r: Response) => r,
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  vi.stubGlobal('WebSocket', WebSocket);
  const seed = loadSeed();
  // Agent Two serves Support only, so the Sales chat can be switched to another agent
  seed.agents = [
    { _id: 'agent-1', username: 'agent1', name: 'Agent One', status: 'online', departments: ['dep-sales'] },
    { _id: 'agent-2', username: 'agent2', name: 'Agent Two', status: 'online', departments: ['dep-support'] },
  ];
  server = await startServer({ port: 0, rateLimit: false, seed });
  sdk = LivechatClientImpl.create(server.url);
  await sdk.connection.connect();
});

afterAll(async () => {
  sdk.connection.close();
  await server.close();
  vi.unstubAllGlobals();
});

describe.sequential('the official client, step by step', () => {
  test('config before registering: online, departments, the chime URL', async () => {
    const config = await sdk.config({});
    expect(config).toMatchObject({
      enabled: true,
      online: true,
      resources: { sound: `${server.url}/sounds/chime.wav` },
      departments: [{ _id: 'dep-sales' }, { _id: 'dep-support' }],
    });
  });

  test('registration (grantVisitor) and custom fields, then the next agent for a visitor without a room', async () => {
    const { visitor } = await sdk.grantVisitor({ visitor: { token, name: 'Jane', email: 'jane@example.com', department: 'dep-sales' } });
    expect(sdk.token).toBe(token);
    expect(visitor).toMatchObject({ token, name: 'Jane', department: 'dep-sales', visitorEmails: [{ address: 'jane@example.com' }] });
    expect(await sdk.sendCustomField({ token, key: 'plan', value: 'Pro', overwrite: true })).toMatchObject({ field: { key: 'plan', value: 'Pro' } });
    expect(await sdk.sendCustomFields({ token, customFields: [{ key: 'orderNumber', value: '12345', overwrite: true }] })).toMatchObject({
      fields: [{ Key: 'orderNumber', value: '12345', overwrite: true }],
    });
    expect((await currentVisitor()).visitor.livechatData).toEqual({ plan: 'Pro', orderNumber: '12345' });
    expect(await sdk.nextAgent({})).toMatchObject({ agent: { _id: 'agent-1', username: 'agent1' } });
  });

  test('room, livechat:setUpConnection, and the room subscriptions (subscribeRoom + agent streams) all ready', async () => {
    const room = await sdk.room({ token });
    rid = room._id;
    expect(room).toMatchObject({ t: 'l', open: true, departmentId: 'dep-sales', servedBy: { _id: 'agent-1' }, v: { token } });
    expect(await sdk.call('livechat:setUpConnection', { token })).toBeUndefined();
    sdk.onMessage((message) => seen.messages.push(message as Record<string, any>));
    sdk.onUserActivity((username, activities) => seen.activity.push([username, activities]));
    await sdk.subscribeRoom(rid);
    sdk.onRoomDeleteMessage(rid, ({ _id }) => seen.deleted.push(_id));
    sdk.onAgentChange(rid, (agent) => seen.agents.push(agent as Record<string, any>));
    sdk.onAgentStatusChange(rid, (status) => seen.statuses.push(status as string));
    const subscriptions = [...sdk.client.subscriptions.values()];
    expect(subscriptions.map((s) => [s.name, s.params[0]])).toEqual([
      ['stream-room-messages', rid],
      ['stream-notify-room', `${rid}/user-activity`],
      ['stream-notify-room', `${rid}/deleteMessage`],
      ['stream-notify-room', `${rid}/deleteMessage`],
      ['stream-livechat-room', rid],
      ['stream-livechat-room', rid],
    ]);
    await Promise.all(subscriptions.map((s) => s.ready()));
    expect(await sdk.agent(rid)).toMatchObject({ _id: 'agent-1', username: 'agent1', name: 'Agent One' });
  });

  test('the visitor sends; the message comes back on the room stream and in history', async () => {
    const sent = await sdk.sendMessage({ token, rid, msg: 'Hello, I need help' });
    expect(sent.message).toMatchObject({ rid, msg: 'Hello, I need help', token, u: { username: expect.stringMatching(/^guest-/) } });
    await vi.waitFor(() => expect(seen.messages.map((m) => m.msg)).toContain('Hello, I need help'));
    expect((await sdk.loadMessages(rid, { token })).map((m) => m.t ?? m.msg)).toEqual(['Hello, I need help', 'livechat-started']);
    expect((await sdk.message(sent.message._id, { token, rid })).message?.msg).toBe('Hello, I need help');
  });

  test('typing both ways: the agent types (console), the visitor types (notifyVisitorActivity)', async () => {
    await console('POST', `/rooms/${rid}/typing`, { typing: true });
    await vi.waitFor(() => expect(seen.activity).toEqual([['agent1', ['user-typing']]]));
    const relayed: unknown[][] = [];
    server.store.bus.on('stream', (e) => {
      if (e.eventName === `${rid}/user-activity`) relayed.push(e.args);
    });
    const username = (await currentVisitor()).visitor.username;
    await sdk.notifyVisitorActivity(rid, username, ['user-typing']);
    expect(relayed).toEqual([[username, ['user-typing'], { token }]]);
    // the client's own activity is not echoed back to it (retransmitToSelf: false)
    expect(seen.activity).toEqual([['agent1', ['user-typing']]]);
  });

  test('the agent answers through the console; the answer arrives with EJSON dates', async () => {
    await console('POST', `/rooms/${rid}/messages`, { msg: 'Hi Jane, how can I help?' });
    await vi.waitFor(() =>
      expect(seen.messages.at(-1)).toMatchObject({ msg: 'Hi Jane, how can I help?', u: { username: 'agent1' }, ts: { $date: expect.any(Number) } }),
    );
  });

  test("edit and delete of the visitor's own message", async () => {
    const { message } = await sdk.sendMessage({ token, rid, msg: 'typo' });
    const edited = await sdk.editMessage(message._id, { token, rid, msg: 'fixed' });
    expect(edited.message).toMatchObject({ _id: message._id, msg: 'fixed', editedBy: { username: expect.stringMatching(/^guest-/) } });
    await vi.waitFor(() => expect(seen.messages.filter((m) => m._id === message._id).map((m) => m.msg)).toEqual(['typo', 'fixed']));
    // deleteMessage(id, {rid}) cannot work: api-client's delete() drops its params, and the route (RC's too) reads
    // token and rid from the body
    expect(await refusal(sdk.deleteMessage(message._id, { rid }))).toEqual({
      status: 400,
      body: { success: false, error: "must have required property 'token' [invalid-params]", errorType: 'invalid-params' },
    });
    const res = await fetch(`${server.url}/api/v1/livechat/message/${message._id}`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, rid }),
    });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(seen.deleted).toContain(message._id));
  });

  test("page visited, and the visitor's status", async () => {
    const page = await sdk.sendVisitorNavigation({
      token,
      rid,
      pageInfo: { change: 'url', title: 'Pricing', location: { href: 'https://site.example/pricing' } },
    });
    expect(page).toMatchObject({ page: { msg: 'Pricing - https://site.example/pricing', navigation: { token } } });
    expect(await sdk.updateVisitorStatus('away')).toBe('away');
  });

  test("department switch with a room (transferChat → visitor/department.transfer): the new department's agent takes over", async () => {
    expect(await sdk.transferChat({ rid, department: 'dep-support' })).toEqual({ success: true });
    await vi.waitFor(() => expect(seen.agents.at(-1)).toMatchObject({ _id: 'agent-2', username: 'agent2' }));
    expect(await sdk.agent(rid)).toMatchObject({ _id: 'agent-2' });
    await console('POST', '/agents/agent-2/status', { status: 'away' });
    // the client holds two subscriptions to the same stream-livechat-room key (onAgentChange, onAgentStatusChange); RC's
    // streamer sends one frame per subscription (streamer.module.ts sendToManySubscriptions), and every handler of the
    // client sees every frame of its collection and key — so the status arrives twice, as it would from RC
    await vi.waitFor(() => expect(seen.statuses).toEqual(['away', 'away']));
  });

  test('the visitor closes; transcript and survey afterwards', async () => {
    expect(await sdk.closeChat({ rid })).toEqual({ rid, comment: 'Closed by visitor', success: true });
    await vi.waitFor(() => expect(seen.messages.at(-1)).toMatchObject({ t: 'livechat-close', msg: 'Closed by visitor' }));
    expect(await sdk.requestTranscript('jane@example.com', { rid })).toEqual({ message: 'Livechat transcript sent', success: true });
    expect(
      await sdk.chatSurvey({
        token,
        rid,
        data: [
          { name: 'satisfaction', value: '5' },
          { name: 'additionalFeedback', value: 'Thanks' },
        ],
      }),
    ).toEqual({ rid, data: { satisfaction: '5', additionalFeedback: 'Thanks' }, success: true });
  });

  test('offline message, then "forget me" (deleteVisitor)', async () => {
    expect(await sdk.sendOfflineMessage({ name: 'Jane', email: 'jane@example.com', message: 'Call me back' })).toEqual({
      message: 'Livechat offline message sent',
      success: true,
    });
    expect(await sdk.deleteVisitor()).toMatchObject({ visitor: { _id: expect.any(String), ts: expect.any(String) }, success: true });
    expect(await refusal(currentVisitor())).toEqual({ status: 400, body: { success: false, error: '[invalid-token]', errorType: 'invalid-token' } });
  });
});
