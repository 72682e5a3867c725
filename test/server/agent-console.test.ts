// The agent console (widget.md §10): its page, its JSON API, and that every action reaches the
// widget over DDP exactly as a Rocket.Chat agent's would (§6.5).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from '@rocket.chat/message-parser';
import { answerTo, DdpClient, type Frame } from './support/ddp-client.ts';
import { openRoom, seededAgent, textMessage } from './support/fixtures.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { openSse } from './support/sse-client.ts';
import { pngHeader } from './support/images.ts';

let h: Harness;
let rid: string;
let token: string;
let widget: DdpClient;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, any> }> {
  const res = await fetch(`${h.url}/agent/api${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}
/** Rocket.Chat's default parser options (markdown.test.ts). */
const DEFAULT_OPTIONS = { colors: true, emoticons: true, customDomains: [], katex: { dollarSyntax: false, parenthesisSyntax: true } };
async function sendFile(fields: Record<string, string | Blob>, name = 'file.bin') {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(key, value);
    else form.append(key, value, name);
  }
  const res = await fetch(`${h.url}/agent/api/rooms/${rid}/files`, { method: 'POST', body: form });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}
const changed = (collection: string) => (f: Frame) => f.msg === 'changed' && f.collection === collection;
const argsOf = (f: Frame) => (f.fields as { args: any[] }).args;

beforeEach(async () => {
  h = await startHarness();
  const agentId = seededAgent(h.store)._id;
  expect(agentId).toBe('agent-1');
  h.store.agents.set('B', { _id: 'B', username: 'agent2', name: 'Agent Two', status: 'online', departments: [] });
  ({ rid, token } = openRoom(h.store, 'Jane'));
  const visitor = h.store.visitorByToken(token)!;
  Object.assign(visitor, {
    visitorEmails: [{ address: 'jane@example.com' }],
    phone: [{ phoneNumber: '+4912345' }],
    department: 'dep-sales',
    livechatData: { plan: 'gold' },
  });
  h.store.rooms.get(rid)!.departmentId = 'dep-sales';
  widget = await DdpClient.connected(h.wsUrl);
  const extra = { token, visitorToken: token };
  widget.subscribe('msgs', 'stream-room-messages', rid, extra);
  widget.subscribe('activity', 'stream-notify-room', `${rid}/user-activity`, extra);
  widget.subscribe('deletions', 'stream-notify-room', `${rid}/deleteMessage`, extra);
  widget.subscribe('agent', 'stream-livechat-room', rid, extra);
  for (const id of ['msgs', 'activity', 'deletions', 'agent']) await widget.next(answerTo(id));
});
afterEach(async () => {
  widget.close();
  await h.close();
});

test('widget.md §10 GET /agent serves one self-contained, labelled page', async () => {
  const res = await fetch(`${h.url}/agent`);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await res.text();
  expect(html).toContain('<script>');
  expect(html).not.toMatch(/\b(src|href)="(?!data:)/); // nothing fetched from elsewhere
  expect(html).not.toContain('/* console.js */');
  for (const label of ['Acting agent', 'Agent status', 'Reply']) expect(html).toContain(label);
  expect(html).toContain('role="log"');
});

test("room lists: waiting / open / closed, with the visitor's details", async () => {
  const { json } = await call('GET', '/rooms');
  expect(json.open).toEqual([]);
  expect(json.waiting).toMatchObject([
    {
      _id: rid,
      state: 'waiting',
      department: 'Sales',
      visitor: {
        name: 'Jane',
        email: 'jane@example.com',
        phone: '+4912345',
        department: 'Sales',
        livechatData: { plan: 'gold' },
      },
    },
  ]);
  expect((await call('GET', '/agents')).json.agents.map((a: { username: string }) => a.username)).toEqual(['agent1', 'agent2']);
});

describe('§6.5 console actions reach the widget', () => {
  test('§6.5 take → agentData; the room moves to open', async () => {
    const { status, json } = await call('POST', `/rooms/${rid}/take`, { agentId: 'B' });
    expect(status).toBe(200);
    expect(json.room).toMatchObject({ state: 'open', servedBy: { _id: 'B', username: 'agent2' } });
    expect(argsOf(await widget.next(changed('stream-livechat-room')))).toEqual([
      { type: 'agentData', data: { _id: 'B', username: 'agent2', name: 'Agent Two', status: 'online' } },
    ]);
    expect((await call('GET', '/rooms')).json.open.map((r: { _id: string }) => r._id)).toEqual([rid]);
  });

  test('§6.5 answer → stream-room-messages with the agent as u and EJSON dates; listed in messages', async () => {
    expect((await call('POST', `/rooms/${rid}/messages`, { msg: 'too early' })).json).toEqual({ error: 'room-not-served' });
    await call('POST', `/rooms/${rid}/take`, {});
    const { json } = await call('POST', `/rooms/${rid}/messages`, { msg: 'Hi Jane' });
    const [m] = argsOf(await widget.next(changed('stream-room-messages')));
    expect(m).toMatchObject({ _id: json.message._id, rid, msg: 'Hi Jane', u: { _id: 'agent-1', username: 'agent1', name: 'Agent One' } });
    expect(m.ts).toEqual({ $date: Date.parse(json.message.ts) });
    expect(m.md).toEqual(parse('Hi Jane', DEFAULT_OPTIONS));
    expect(m).not.toHaveProperty('token');
    expect((await call('GET', `/rooms/${rid}/messages`)).json.messages.map((x: { msg: string }) => x.msg)).toEqual(['Hi Jane']);
  });

  test('§6.5 typing → <rid>/user-activity started and stopped', async () => {
    await call('POST', `/rooms/${rid}/take`, {});
    await call('POST', `/rooms/${rid}/typing`, { typing: true });
    await call('POST', `/rooms/${rid}/typing`, { typing: false });
    expect(argsOf(await widget.next(changed('stream-notify-room')))).toEqual(['agent1', ['user-typing'], {}]);
    expect(argsOf(await widget.next(changed('stream-notify-room')))).toEqual(['agent1', [], {}]);
  });

  test('§6.5 typing names the agent by its name when UI_Use_Real_Name is on (UserAction.ts shownName); no <rid>/typing event', async () => {
    widget.subscribe('legacy', 'stream-notify-room', `${rid}/typing`, { token, visitorToken: token });
    await widget.next(answerTo('legacy'));
    h.store.settings.UI_Use_Real_Name = true;
    await call('POST', `/rooms/${rid}/take`, {});
    await call('POST', `/rooms/${rid}/typing`, { typing: true });
    const typing = await widget.next(changed('stream-notify-room'));
    expect(typing.fields).toEqual({ eventName: `${rid}/user-activity`, args: ['Agent One', ['user-typing'], {}] });
    expect(await widget.collect(changed('stream-notify-room'))).toEqual([]);
  });

  test('§6.5 agent status → agentStatus on the rooms the agent serves', async () => {
    await call('POST', `/rooms/${rid}/take`, {});
    expect((await call('POST', '/agents/agent-1/status', { status: 'sleepy' })).status).toBe(400);
    const { json } = await call('POST', '/agents/agent-1/status', { status: 'away' });
    expect(json.rooms).toEqual([rid]);
    expect(argsOf(await widget.next((f) => changed('stream-livechat-room')(f) && argsOf(f)[0].type === 'agentStatus'))).toEqual([
      { type: 'agentStatus', status: 'away' },
    ]);
  });

  test("§4.11 §6.5 send a file → the agent's file message (sendFileMessage shape); the visitor downloads it with its token", async () => {
    await call('POST', `/rooms/${rid}/take`, {});
    const { status, json } = await sendFile(
      { file: new Blob([new Uint8Array(pngHeader(64, 48))], { type: 'image/png' }), msg: 'the *form*', description: 'filled in' },
      'form.png',
    );
    expect(status).toBe(200);
    const [m] = argsOf(await widget.next(changed('stream-room-messages')));
    const file = { _id: json.message.file._id, name: 'form.png', type: 'image/png', size: 33, format: 'png' };
    const url = `/file-upload/${file._id}/form.png`;
    expect(m).toMatchObject({
      _id: json.message._id,
      rid,
      msg: 'the *form*',
      md: parse('the *form*', DEFAULT_OPTIONS),
      groupable: false,
      u: { _id: 'agent-1', username: 'agent1', name: 'Agent One' },
      file,
      files: [file],
      attachments: [
        {
          title: 'form.png',
          type: 'file',
          description: 'filled in',
          descriptionMd: parse('filled in', DEFAULT_OPTIONS),
          title_link: url,
          title_link_download: true,
          image_url: url,
          image_type: 'image/png',
          image_size: 33,
          image_dimensions: { width: 64, height: 48 },
        },
      ],
    });
    const download = await fetch(`${h.url}${url}?rc_token=${token}&rc_rid=${rid}&rc_room_type=l`);
    expect([download.status, download.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect((await fetch(`${h.url}/agent/api/files/${file._id}`)).status).toBe(200);
  });

  test("§4.11 a file that is not an image carries its extension and size; Rocket.Chat's refusals come back as codes", async () => {
    expect((await sendFile({ file: new Blob(['x']) })).json).toEqual({ error: 'room-not-served' });
    await call('POST', `/rooms/${rid}/take`, {});
    const pdf = await sendFile({ file: new Blob(['%PDF-1.7'], { type: 'application/pdf' }) }, 'Quote.2024.pdf');
    expect(pdf.json.message.attachments).toEqual([
      { title: 'Quote.2024.pdf', type: 'file', format: 'PDF', title_link: expect.any(String), title_link_download: true, size: 8 },
    ]);
    expect(pdf.json.message.files[0]).toMatchObject({ size: 8, format: '' });
    expect(await sendFile({ msg: 'no file' })).toEqual({ status: 400, json: { error: 'No file uploaded' } });
    expect((await sendFile({ file: new Blob(['<svg/>'], { type: 'image/svg+xml' }) }, 'a.svg')).json).toEqual({ error: 'error-invalid-file-type' });
    h.store.settings.FileUpload_MaxFileSize = 4;
    expect((await sendFile({ file: new Blob(['12345']) })).json).toEqual({ error: 'error-file-too-large' });
    h.store.settings.FileUpload_Enabled = false;
    expect((await sendFile({ file: new Blob(['1']) })).json).toEqual({ error: 'error-file-upload-disabled' });
  });

  test('§4.5 §6.5 edit → the same _id again on stream-room-messages with the new msg, md, editedAt and editedBy', async () => {
    await call('POST', `/rooms/${rid}/take`, {});
    const sent = (await call('POST', `/rooms/${rid}/messages`, { msg: 'Hi Jnae' })).json.message;
    await widget.next(changed('stream-room-messages'));
    const { status, json } = await call('PUT', `/rooms/${rid}/messages/${sent._id}`, { msg: 'Hi *Jane*' });
    expect(status).toBe(200);
    const [m] = argsOf(await widget.next(changed('stream-room-messages')));
    expect(m).toMatchObject({
      _id: sent._id,
      msg: 'Hi *Jane*',
      md: parse('Hi *Jane*', DEFAULT_OPTIONS),
      editedAt: { $date: Date.parse(json.message.editedAt) },
      editedBy: { _id: 'agent-1', username: 'agent1' },
    });
    expect(h.store.roomMessages(rid).filter((x) => x._id === sent._id)).toHaveLength(1);
  });

  test("§4.5 only an agent's own text can be edited, to a non-empty text, in an open room", async () => {
    await call('POST', `/rooms/${rid}/take`, {});
    const visitors = h.store.saveMessage(textMessage(rid, { _id: 'V', username: 'guest-1' }, 'mine'));
    const sent = (await call('POST', `/rooms/${rid}/messages`, { msg: 'x' })).json.message;
    expect(await call('PUT', `/rooms/${rid}/messages/${visitors._id}`, { msg: 'changed' })).toEqual({
      status: 400,
      json: { error: 'error-action-not-allowed' },
    });
    expect(await call('PUT', `/rooms/${rid}/messages/${sent._id}`, { msg: ' ' })).toEqual({ status: 400, json: { error: 'invalid-msg' } });
    expect(await call('PUT', `/rooms/${rid}/messages/nope`, { msg: 'y' })).toEqual({ status: 404, json: { error: 'message-not-found' } });
    await call('POST', `/rooms/${rid}/close`, {});
    expect(await call('PUT', `/rooms/${rid}/messages/${sent._id}`, { msg: 'y' })).toEqual({ status: 409, json: { error: 'room-closed' } });
  });

  test('§4.5 §6.5 delete → <rid>/deleteMessage', async () => {
    const m = h.store.saveMessage(textMessage(rid, { _id: 'V', username: 'guest-1' }, 'oops'));
    expect((await call('DELETE', `/rooms/${rid}/messages/${m._id}`)).json).toEqual({ _id: m._id });
    expect(await widget.next(changed('stream-notify-room'))).toMatchObject({ fields: { eventName: `${rid}/deleteMessage`, args: [{ _id: m._id }] } });
    expect((await call('DELETE', `/rooms/${rid}/messages/${m._id}`)).status).toBe(404);
  });

  test('§4.5 deleting a file message deletes the file', async () => {
    await call('POST', `/rooms/${rid}/take`, {});
    const { json } = await sendFile({ file: new Blob(['data']) }, 'a.txt');
    await call('DELETE', `/rooms/${rid}/messages/${json.message._id}`);
    expect(h.store.files.has(json.message.file._id)).toBe(false);
    expect((await fetch(`${h.url}/agent/api/files/${json.message.file._id}`)).status).toBe(404);
  });

  test('§4.6 §5.3 close → livechat-close message; the room is closed by a user', async () => {
    await call('POST', `/rooms/${rid}/take`, {});
    const { json } = await call('POST', `/rooms/${rid}/close`, { comment: 'Thanks!' });
    expect(json.room).toMatchObject({ state: 'closed', closer: 'user' });
    const [m] = argsOf(await widget.next(changed('stream-room-messages')));
    expect(m).toMatchObject({ t: 'livechat-close', msg: 'Thanks!', u: { _id: 'agent-1', username: 'agent1' } });
    expect((await call('POST', `/rooms/${rid}/close`, {})).json).toEqual({ error: 'room-closed' });
    expect((await call('GET', '/rooms')).json.closed.map((r: { _id: string }) => r._id)).toEqual([rid]);
  });
});

test("SSE /agent/api/events delivers the visitor's typing and messages to the console", async () => {
  const sse = await openSse(`${h.url}/agent/api/events`);
  widget.send({ msg: 'method', id: 't1', method: 'stream-notify-room', params: [`${rid}/user-activity`, 'guest-1', ['user-typing'], { token }] });
  expect(await sse.next()).toEqual({
    stream: 'stream-notify-room',
    eventName: `${rid}/user-activity`,
    args: ['guest-1', ['user-typing'], { token }],
  });
  h.store.saveMessage(textMessage(rid, { _id: 'V', username: 'guest-1' }, 'hello', { ts: new Date(1714653300000) }));
  expect(await sse.next()).toMatchObject({
    stream: 'stream-room-messages',
    eventName: rid,
    args: [{ msg: 'hello', ts: '2024-05-02T12:35:00.000Z' }],
  });
  sse.close();
});

test('console API errors are plain JSON codes', async () => {
  expect(await call('POST', '/rooms/nope/take', {})).toEqual({ status: 404, json: { error: 'room-not-found' } });
  expect(await call('POST', `/rooms/${rid}/take`, { agentId: 'ghost' })).toEqual({ status: 400, json: { error: 'invalid-agent' } });
  const bad = await fetch(`${h.url}/agent/api/rooms/${rid}/take`, { method: 'POST', body: '{nope' });
  expect([bad.status, await bad.json()]).toEqual([400, { error: 'invalid-json' }]);
  expect(await call('GET', '/nowhere')).toEqual({ status: 404, json: { error: 'not-found' } });
  expect(await call('DELETE', `/rooms/${rid}/take`)).toEqual({ status: 405, json: { error: 'method-not-allowed' } });
});
