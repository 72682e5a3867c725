// What Rocket.Chat makes of an upload (§4.11): the stored file (FileUpload's Uploads store: the filter, then
// uploadsOnValidate's `identify` for images) and the message fields that point at it. A visitor's upload goes through
// app/livechat/server/methods/sendFileLivechatMessage.ts, an agent's through app/file-upload/server/methods/
// sendFileMessage.ts parseFileIntoMessageAttachments; the two shapes differ a little and both are kept.
import type { FileInfo, MessageAttachment } from '../../src/api/contract.ts';
import { randomId, type Store, type StoredFile, type StoredMessage } from '../store.ts';
import type { UploadedFile } from './form-data.ts';
import { identifyImage } from './image-size.ts';
import { validateFileUpload } from './restrictions.ts';

type FileFields = Required<Pick<StoredMessage, 'file' | 'files' | 'attachments'>>;

/** fileStore.insert: the Uploads filter (which throws Rocket.Chat's errors), then the file kept in memory. */
export function insertFile(store: Store, rid: string, upload: UploadedFile, description?: string): StoredFile {
  const details = { name: upload.filename, type: upload.mimetype, size: upload.data.length };
  validateFileUpload(store, details);
  const identify = identifyImage(details.type, upload.data);
  const file: StoredFile = {
    _id: randomId(),
    rid,
    ...details,
    data: upload.data,
    uploadedAt: new Date(),
    ...(identify ? { identify } : {}),
    description,
  };
  store.files.set(file._id, file);
  return file;
}

/** FileUpload.getPath(`${_id}/${encodeURI(name)}`): the download path of §4.11, to which a visitor adds its token. */
export function downloadPath(file: Pick<StoredFile, '_id' | 'name'>): string {
  return `/file-upload/${file._id}/${encodeURI(file.name)}`;
}

/** Both senders describe images, audio and video the same way. (Rocket.Chat also adds a blurred 32-pixel
 * `image_preview` and, for agents, a thumbnail in place of `image_url`; both need an image library.) */
function mediaFields(file: StoredFile, url: string): MessageAttachment | undefined {
  if (/^image\/.+/.test(file.type)) {
    return { image_url: url, image_type: file.type, image_size: file.size, ...(file.identify ? { image_dimensions: file.identify.size } : {}) };
  }
  if (/^audio\/.+/.test(file.type)) return { audio_url: url, audio_type: file.type, audio_size: file.size };
  if (/^video\/.+/.test(file.type)) return { video_url: url, video_type: file.type, video_size: file.size };
  return undefined;
}

function baseAttachment(file: StoredFile, url: string): MessageAttachment {
  return { title: file.name, type: 'file', description: file.description, title_link: url, title_link_download: true };
}

/** sendFileLivechatMessage: `file` and `files` without size; other files get no size in their attachment either. */
export function visitorFileFields(file: StoredFile): FileFields {
  const url = downloadPath(file);
  const info: FileInfo = { _id: file._id, name: file.name, type: file.type };
  return { file: info, files: [info], attachments: [{ ...baseAttachment(file, url), ...mediaFields(file, url) }] };
}

/** lib/utils/getFileExtension.ts: the last extension in capitals, or "file". */
function fileExtension(name: string): string {
  const parts = name.split('.');
  if (parts.length < 2 || (parts[0] === '' && parts.length === 2)) return 'file';
  return parts.pop()?.toLocaleUpperCase() || 'file';
}

/** parseFileIntoMessageAttachments: `files` carry size and sharp's format; other files carry their extension and size. */
export function agentFileFields(file: StoredFile): FileFields {
  const url = downloadPath(file);
  const info: FileInfo = { _id: file._id, name: file.name, type: file.type, size: file.size, format: file.identify?.format ?? '' };
  const media = mediaFields(file, url);
  const attachment = { ...baseAttachment(file, url), ...(media ?? { format: fileExtension(file.name), size: file.size }) };
  return { file: info, files: [info], attachments: [attachment] };
}
