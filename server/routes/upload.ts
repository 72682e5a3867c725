// `POST livechat/upload/:rid` (§4.11), checks in Rocket.Chat's order; the file is kept in memory.
import { Raw, route } from '../route.ts';
import { parseMultipart } from '../multipart.ts';
import { visitorMessage } from '../livechat.ts';
import { randomId } from '../store.ts';

/** 6.x/7.x `API.v1.forbidden()` text; 8.0 switched it to "forbidden". */
const forbidden = () => new Raw(403, { success: false, error: 'unauthorized' });

function humanSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) (n /= 1000), u++;
  return `${Number(n.toFixed(2))} ${units[u]}`;
}

export const uploadRoutes = [
  route({
    method: 'POST',
    path: 'livechat/upload/:rid',
    rawBody: true,
    action: ({ store, req, params, raw }) => {
      const token = req.headers['x-visitor-token'];
      if (typeof token !== 'string' || !token) return forbidden();
      if (!store.setting('Livechat_fileupload_enabled') || !store.setting('FileUpload_Enabled')) {
        return new Raw(400, { reason: 'error-file-upload-disabled', success: false });
      }
      const visitor = store.visitorByToken(token);
      const room = store.rooms.get(params.rid);
      if (!visitor || !room?.open || room.v.token !== token) return forbidden();
      const parts = parseMultipart(req.headers['content-type'], raw) ?? [];
      const file = parts.find((p) => p.name === 'file' && p.filename !== undefined);
      if (!file) return new Raw(400, { reason: 'error-no-file-uploaded', success: false });
      const blocked = String(store.setting('FileUpload_MediaTypeBlackList') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
      if (blocked.includes(file.type)) return new Raw(400, { reason: 'error-type-not-allowed', success: false });
      const max = Number(store.setting('FileUpload_MaxFileSize'));
      if (max >= 0 && file.data.length > max) return new Raw(400, { reason: 'error-size-not-allowed', sizeAllowed: humanSize(max), success: false });

      const fields = Object.fromEntries(parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')]));
      const stored = { _id: randomId(), rid: room._id, name: file.filename || 'file', type: file.type, size: file.data.length, data: file.data };
      store.files.set(stored._id, stored);
      const info = { _id: stored._id, name: stored.name, type: stored.type, size: stored.size };
      const url = `/file-upload/${stored._id}/${encodeURIComponent(stored.name)}`;
      const message = {
        ...visitorMessage(visitor, room._id, fields.msg ?? '', randomId()),
        file: { _id: info._id, name: info.name, type: info.type },
        files: [info],
        attachments: [{
          title: info.name, type: 'file', title_link: url, title_link_download: true, description: fields.description ?? '',
          ...(info.type.startsWith('image/') ? { image_url: url, image_type: info.type, image_size: info.size } : {}),
        }],
      };
      return { ...store.saveMessage(message) };
    },
  }),
];
