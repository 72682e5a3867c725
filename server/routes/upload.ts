// `POST livechat/upload/:rid` (§4.11) as app/livechat/imports/server/rest/upload.ts (7.x) runs it: the token header,
// uploads on, the visitor, its open room, then the multipart body, its media type, the Uploads store's filter, and the
// message of sendFileLivechatMessage sent as the visitor's (which returns it with newRoom and showConnecting).
import { Raw, route } from '../route.ts';
import { check, maybe, object, Boolean_, String_ } from '../match.ts';
import { visitorMessage } from '../livechat.ts';
import { randomId } from '../store.ts';
import { readUploadForm } from '../upload/form-data.ts';
import { insertFile, visitorFileFields } from '../upload/file-message.ts';
import { isAcceptedMediaType } from '../upload/restrictions.ts';

/** 6.x/7.x `API.v1.forbidden()` text; 8.0 switched it to "forbidden". */
const forbidden = () => new Raw(403, { success: false, error: 'unauthorized' });

/** The form fields left once `description` is taken are the message data sendFileLivechatMessage checks. */
const MESSAGE_DATA = object({
  avatar: maybe(String_),
  emoji: maybe(String_),
  alias: maybe(String_),
  groupable: maybe(Boolean_),
  msg: maybe(String_),
});

export const uploadRoutes = [
  route({
    method: 'POST',
    path: 'livechat/upload/:rid',
    readsBody: true,
    action: async ({ store, req, params }) => {
      const token = req.headers['x-visitor-token'];
      if (typeof token !== 'string' || !token) return forbidden();
      if (!store.setting('Livechat_fileupload_enabled') || !store.setting('FileUpload_Enabled')) {
        return new Raw(400, { reason: 'error-file-upload-disabled', success: false });
      }
      const visitor = store.visitorByToken(token);
      if (!visitor) return forbidden();
      const room = store.rooms.get(params.rid);
      if (!room?.open || room.v.token !== token) return forbidden();

      // 0 means the default here; -1 no limit
      const maxFileSize = Number(store.setting('FileUpload_MaxFileSize')) || 104857600;
      const { file: upload, fields } = await readUploadForm(req, { field: 'file', sizeLimit: maxFileSize });
      if (!isAcceptedMediaType(store, upload.mimetype)) return new Raw(400, { reason: 'error-type-not-allowed', success: false });
      // The route's own size check ({reason:'error-size-not-allowed', sizeAllowed}) follows here in Rocket.Chat, but the
      // reader has already refused every file that reaches the limit, so it never answers.
      const { description, ...messageData } = fields;
      // Rocket.Chat checks this after storing the file (which then stays, unused); the answer is the same
      check(messageData, MESSAGE_DATA);
      const file = insertFile(store, room._id, upload, description);
      // sendMessageLivechat keeps only _id, rid, msg, token, file, files and attachments of the data
      const message = store.saveUserMessage({ ...visitorMessage(visitor, room._id, messageData.msg ?? '', randomId()), ...visitorFileFields(file) });
      return { ...message, newRoom: false, showConnecting: false };
    },
  }),
];
