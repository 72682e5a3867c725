// §4.11 the download URL `/file-upload/<id>/<name>?rc_token=&rc_rid=&rc_room_type=l` (file-upload/server/lib/requests.ts,
// FileUpload.requestCanAccessFiles, the GridFS store's headers).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { start, type TestServer } from './client.ts';

let s: TestServer;
let rid: string;
let path: string;
const NAME = 'my report ä.txt';
beforeEach(async () => {
  s = await start();
  rid = (await s.chat('tok', { name: 'Jane' })).rid;
  const form = new FormData();
  form.append('file', new Blob(['hello file'], { type: 'text/plain' }), NAME);
  const r = await s.api('POST', `livechat/upload/${rid}`, form, { 'x-visitor-token': 'tok' });
  path = r.body.attachments[0].title_link;
});
afterEach(() => s.close());

const download = (query: Record<string, string>, init?: RequestInit) => fetch(`${s.url}${path}?${new URLSearchParams(query)}`, init);
const asVisitor = { rc_token: 'tok', rc_rid: '', rc_room_type: 'l' };

it("§4.11 the visitor's token, room and room type → the file inline, with its type, size and name", async () => {
  const res = await download({ ...asVisitor, rc_rid: rid });
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('hello file');
  expect(
    Object.fromEntries(
      ['content-type', 'content-length', 'content-disposition', 'content-security-policy', 'cache-control'].map((h) => [h, res.headers.get(h)]),
    ),
  ).toEqual({
    'content-type': 'text/plain',
    'content-length': '10',
    'content-disposition': "inline; filename*=UTF-8''my%20report%20%C3%A4.txt",
    'content-security-policy': "default-src 'none'",
    'cache-control': 'max-age=31536000',
  });
  expect(Date.parse(res.headers.get('last-modified')!)).toBeGreaterThan(Date.now() - 60_000);
});

it('§4.11 still downloadable after the room is closed', async () => {
  await s.api('POST', 'livechat/room.close', { token: 'tok', rid });
  expect((await download({ ...asVisitor, rc_rid: rid })).status).toBe(200);
});

it("§4.11 403 with an empty body: no token, another visitor's token, a room that is not the file's, another room type", async () => {
  const other = await s.chat('other');
  await s.api('POST', 'livechat/room.close', { token: 'tok', rid });
  const second = await s.chat('tok'); // the same visitor's next room
  const queries: Record<string, string>[] = [
    {},
    { rc_rid: rid, rc_room_type: 'l' },
    { ...asVisitor, rc_token: 'other', rc_rid: rid },
    { ...asVisitor, rc_token: 'other', rc_rid: other.rid },
    { ...asVisitor, rc_rid: second.rid },
    { ...asVisitor, rc_rid: rid, rc_room_type: 'c' },
  ];
  for (const query of queries) {
    const res = await download(query);
    expect([res.status, await res.text()], JSON.stringify(query)).toEqual([403, '']);
  }
});

it('§4.11 FileUpload_ProtectFiles off: no credentials needed', async () => {
  s.store.settings.FileUpload_ProtectFiles = false;
  expect((await download({})).status).toBe(200);
});

it('§4.11 an unknown id → 404; the name in the path is not checked', async () => {
  expect((await fetch(`${s.url}/file-upload/nope/x.txt`)).status).toBe(404);
  expect((await fetch(`${s.url}${path.replace(/[^/]+$/, 'other-name.bin')}?${new URLSearchParams({ ...asVisitor, rc_rid: rid })}`)).status).toBe(200);
});

it('§4.5 deleting the message deletes its file', async () => {
  const [message] = s.store.roomMessages(rid).filter((m) => m.files);
  await s.api('DELETE', `livechat/message/${message._id}`, { token: 'tok', rid });
  expect((await download({ ...asVisitor, rc_rid: rid })).status).toBe(404);
});

it('§1.6 CORS as on the API: allowed origins get the header, others a 403', async () => {
  const allowed = await download({ ...asVisitor, rc_rid: rid }, { headers: { origin: 'https://site.example' } });
  expect(allowed.headers.get('access-control-allow-origin')).toBe('*');
  s.store.settings.API_CORS_Origin = 'https://only.example';
  expect((await download({ ...asVisitor, rc_rid: rid }, { headers: { origin: 'https://site.example' } })).status).toBe(403);
});
