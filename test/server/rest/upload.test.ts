// §4.11 POST livechat/upload/:rid: Rocket.Chat 7.x's checks in their order (app/livechat/imports/server/rest/upload.ts),
// its multipart reader (api/server/lib/getUploadFormData.ts), the Uploads filter, and the message it sends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from '@rocket.chat/message-parser';
import { start, type TestServer } from './client.ts';
import { gifHeader, jpegHeader, pngHeader } from '../support/images.ts';
import type { StreamEvent } from '../../../server/store.ts';

const DEFAULT_OPTIONS = { colors: true, emoticons: true, customDomains: [], katex: { dollarSyntax: false, parenthesisSyntax: true } };

let s: TestServer;
let rid: string;
let events: StreamEvent[];
beforeEach(async () => {
  s = await start();
  rid = (await s.chat('tok', { name: 'Jane' })).rid;
  events = [];
  s.store.bus.on('stream', (e) => events.push(e));
});
afterEach(() => s.close());

interface Part {
  data: string | Buffer;
  type?: string;
  name?: string;
}

/** A multipart form: `file` (unless null), then text fields; `token` goes in the x-visitor-token header. */
function upload(options: { rid?: string; token?: string | null; file?: Part | null; fields?: Record<string, string>; fileField?: string } = {}) {
  const form = new FormData();
  const file = options.file === undefined ? { data: 'hello file', type: 'text/plain', name: 'notes.txt' } : options.file;
  for (const [key, value] of Object.entries(options.fields ?? {})) form.append(key, value);
  // a Blob takes bytes on their own ArrayBuffer, hence the copy of a Buffer
  if (file)
    form.append(
      options.fileField ?? 'file',
      new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)], { type: file.type ?? '' }),
      file.name ?? 'file.bin',
    );
  const token = options.token === undefined ? 'tok' : options.token;
  return s.api('POST', `livechat/upload/${options.rid ?? rid}`, form, token === null ? {} : { 'x-visitor-token': token });
}
const roomStream = () => events.filter((e) => e.stream === 'stream-room-messages').map((e) => e.args[0]);

describe('§4.11 checks, in order', () => {
  it('§4.11.1 no x-visitor-token → 403 unauthorized, even with uploads off', async () => {
    s.store.settings.FileUpload_Enabled = false;
    const r = await upload({ token: null });
    expect([r.status, r.body]).toEqual([403, { success: false, error: 'unauthorized' }]);
  });

  it.each(['Livechat_fileupload_enabled', 'FileUpload_Enabled'])(
    '§4.11.2 %s off → 400 {reason:"error-file-upload-disabled"}, before the token is looked up',
    async (setting) => {
      s.store.settings[setting] = false;
      const r = await upload({ token: 'nobody' });
      expect([r.status, r.body]).toEqual([400, { reason: 'error-file-upload-disabled', success: false }]);
    },
  );

  it("§4.11.3 unknown token, unknown room, another visitor's room, a closed room → 403", async () => {
    const other = await s.chat('other');
    expect((await upload({ token: 'nobody' })).status).toBe(403);
    expect((await upload({ rid: 'nope' })).status).toBe(403);
    expect((await upload({ rid: other.rid })).status).toBe(403);
    await s.api('POST', 'livechat/room.close', { token: 'tok', rid });
    const closed = await upload();
    expect([closed.status, closed.body]).toEqual([403, { success: false, error: 'unauthorized' }]);
  });

  it("§4.11.4 the reader's refusals: no file, a file under another name, two files, a body that is not multipart", async () => {
    expect((await upload({ file: null, fields: { description: 'x' } })).body).toEqual({
      success: false,
      error: '[No file uploaded]',
      errorType: 'No file uploaded',
    });
    expect((await upload({ fileField: 'attachment' })).body).toEqual({ success: false, error: '[invalid-field]', errorType: 'invalid-field' });
    const two = new FormData();
    two.append('file', new Blob(['a']), 'a.txt');
    two.append('file', new Blob(['b']), 'b.txt');
    expect((await s.api('POST', `livechat/upload/${rid}`, two, { 'x-visitor-token': 'tok' })).body).toEqual({
      success: false,
      error: 'Just 1 file is allowed',
    });
    const json = await s.api('POST', `livechat/upload/${rid}`, { file: 'x' }, { 'x-visitor-token': 'tok' });
    expect([json.status, json.body]).toEqual([400, { success: false, error: 'Unsupported content type: application/json' }]);
    expect(s.store.files.size).toBe(0);
    expect(roomStream()).toEqual([]);
  });

  it('§4.11.5 7.x cuts a file at FileUpload_MaxFileSize and answers [error-file-too-large] — at exactly the limit too', async () => {
    s.store.settings.FileUpload_MaxFileSize = 10;
    for (const size of [10, 11, 5000]) {
      const r = await upload({ file: { data: 'x'.repeat(size), type: 'text/plain', name: 'big.txt' } });
      expect([r.status, r.body]).toEqual([400, { success: false, error: '[error-file-too-large]', errorType: 'error-file-too-large' }]);
    }
    expect((await upload({ file: { data: 'x'.repeat(9), type: 'text/plain', name: 'small.txt' } })).status).toBe(200);
    // the conversation goes on
    expect((await s.api('POST', 'livechat/message', { token: 'tok', rid, msg: 'after' })).body.message.msg).toBe('after');
  });

  it('§4.11.5 FileUpload_MaxFileSize 0: the route reads it as 100 MB, the Uploads filter as 0 bytes; -1: no limit', async () => {
    s.store.settings.FileUpload_MaxFileSize = 0;
    expect((await upload()).body).toEqual({
      success: false,
      error: 'File size exceeds upload limit of 0 B. [error-file-too-large]',
      errorType: 'error-file-too-large',
    });
    s.store.settings.FileUpload_MaxFileSize = -1;
    expect((await upload({ file: { data: Buffer.alloc(200_000), type: 'application/octet-stream', name: 'blob.bin' } })).body.files[0].name).toBe(
      'blob.bin',
    );
  });

  it('§4.11.5 media types: the blocked list first (svg by default), then the accepted list with wildcards', async () => {
    const svg = await upload({ file: { data: '<svg/>', type: 'image/svg+xml', name: 'x.svg' } });
    expect([svg.status, svg.body]).toEqual([400, { reason: 'error-type-not-allowed', success: false }]);
    s.store.settings.FileUpload_MediaTypeWhiteList = 'image/*, application/pdf';
    expect((await upload()).body).toEqual({ reason: 'error-type-not-allowed', success: false });
    expect((await upload({ file: { data: pngHeader(1, 1), type: 'image/png', name: 'a.png' } })).status).toBe(200);
    expect((await upload({ file: { data: '%PDF', type: 'application/pdf', name: 'a.pdf' } })).status).toBe(200);
    s.store.settings.FileUpload_MediaTypeBlackList = 'image/*';
    expect((await upload({ file: { data: pngHeader(1, 1), type: 'image/png', name: 'a.png' } })).body.reason).toBe('error-type-not-allowed');
  });

  it('§4.11.6 the fields besides description are message data checked by sendFileLivechatMessage (Match errors)', async () => {
    expect((await upload({ fields: { foo: 'bar' } })).body).toEqual({ success: false, error: 'Match error: Unknown key in field foo' });
    expect((await upload({ fields: { groupable: 'true' } })).body).toEqual({
      success: false,
      error: 'Match error: Expected boolean, got string in field groupable',
    });
    // a part named __proto__ is a field like any other (the reader keeps fields on an object without prototype)
    expect((await upload({ fields: Object.fromEntries([['__proto__', 'x']]) })).body).toEqual({
      success: false,
      error: 'Match error: Unknown key in field __proto__',
    });
    expect(s.store.files.size).toBe(0);
  });
});

it('§4.11 the default seed takes uploads up to 5 MB: 5,242,879 bytes pass, 5,242,880 are cut and refused', async () => {
  expect((await upload({ file: { data: Buffer.alloc(5_242_879), type: 'application/zip', name: 'a.zip' } })).status).toBe(200);
  expect((await upload({ file: { data: Buffer.alloc(5_242_880), type: 'application/zip', name: 'b.zip' } })).body.error).toBe(
    '[error-file-too-large]',
  );
});

describe('§4.11.7 the message', () => {
  it("§4.11.7 the visitor's message with file, files, one attachment (description and descriptionMd), md of msg, spread at top level", async () => {
    const r = await upload({ fields: { msg: 'see *attached*', description: '_my_ notes', alias: 'ignored' } });
    expect(r.status).toBe(200);
    const [file] = s.store.files.values();
    const info = { _id: file._id, name: 'notes.txt', type: 'text/plain' };
    const visitor = s.store.visitorByToken('tok')!;
    expect(r.body).toEqual({
      _id: expect.stringMatching(/^[23456789A-Za-z]{17}$/),
      rid,
      msg: 'see *attached*',
      token: 'tok',
      alias: 'Jane',
      u: { _id: visitor._id, username: visitor.username, name: 'Jane' },
      ts: expect.any(String),
      _updatedAt: expect.any(String),
      urls: [],
      mentions: [],
      channels: [],
      md: parse('see *attached*', DEFAULT_OPTIONS),
      file: info,
      files: [info],
      attachments: [
        {
          title: 'notes.txt',
          type: 'file',
          description: '_my_ notes',
          title_link: `/file-upload/${file._id}/notes.txt`,
          title_link_download: true,
          descriptionMd: parse('_my_ notes', DEFAULT_OPTIONS),
        },
      ],
      newRoom: false,
      showConnecting: false,
      success: true,
    });
    expect(file).toMatchObject({ rid, size: 10, description: '_my_ notes' });
    expect(roomStream()).toEqual([
      expect.objectContaining({ _id: r.body._id, files: [info], attachments: [expect.objectContaining({ title: 'notes.txt' })] }),
    ]);
    const history = await s.api('GET', `livechat/messages.history/${rid}?token=tok`);
    expect(history.body.messages[0]).toMatchObject({ _id: r.body._id, file: info });
  });

  it('§4.11.7 without msg and description: msg "" and neither md nor descriptionMd', async () => {
    const { body } = await upload();
    expect(body.msg).toBe('');
    expect(body).not.toHaveProperty('md');
    expect(body.attachments[0]).not.toHaveProperty('descriptionMd');
    expect(body.attachments[0]).not.toHaveProperty('description');
  });

  it.each([
    ['a.png', 'image/png', pngHeader(640, 480), { width: 640, height: 480 }],
    ['a.gif', 'image/gif', gifHeader(32, 16), { width: 32, height: 16 }],
    ['a.jpg', 'image/jpeg', jpegHeader(400, 300), { width: 400, height: 300 }],
    ['rotated.jpg', 'image/jpeg', jpegHeader(400, 300, { orientation: 6 }), { width: 300, height: 400 }],
  ])('§4.11.7 an image (%s) gets image_url, image_type, image_size and image_dimensions from its header', async (name, type, data, dimensions) => {
    const { body } = await upload({ file: { data, type, name } });
    const url = `/file-upload/${body.file._id}/${name}`;
    expect(body.attachments[0]).toEqual({
      title: name,
      type: 'file',
      title_link: url,
      title_link_download: true,
      image_url: url,
      image_type: type,
      image_size: data.length,
      image_dimensions: dimensions,
    });
  });

  it('§4.11.7 an image whose header does not read has no image_dimensions; audio and video get their own fields', async () => {
    expect((await upload({ file: { data: 'not a png', type: 'image/png', name: 'bad.png' } })).body.attachments[0]).not.toHaveProperty(
      'image_dimensions',
    );
    const audio = (await upload({ file: { data: 'ID3', type: 'audio/mpeg', name: 'a.mp3' } })).body;
    expect(audio.attachments[0]).toMatchObject({ audio_url: `/file-upload/${audio.file._id}/a.mp3`, audio_type: 'audio/mpeg', audio_size: 3 });
    const video = (await upload({ file: { data: 'mp4', type: 'video/mp4', name: 'a.mp4' } })).body;
    expect(video.attachments[0]).toMatchObject({ video_url: `/file-upload/${video.file._id}/a.mp4`, video_type: 'video/mp4', video_size: 3 });
  });

  it('§4.11.7 the name is kept as sent and the link encodes it with encodeURI', async () => {
    const { body } = await upload({ file: { data: 'x', type: 'text/plain', name: 'my report ä #1.txt' } });
    expect(body.files[0].name).toBe('my report ä #1.txt');
    expect(body.attachments[0].title_link).toBe(`/file-upload/${body.file._id}/my%20report%20%C3%A4%20#1.txt`);
  });
});
