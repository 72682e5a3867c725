// An agent's messages from the console: send, send a file, edit, delete — through the store and the same upload and
// save code Rocket.Chat runs for an agent (sendMessage, rooms.upload → sendFileMessage, updateMessage, deleteMessage),
// so the widget sees them on its streams as a real agent's (§6.5).
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors.ts';
import { randomId, type Store, type StoredAgent, type StoredMessage } from '../store.ts';
import { readUploadForm } from '../upload/form-data.ts';
import { agentFileFields, insertFile } from '../upload/file-message.ts';
import { findRoom, openRoom, servingAgent } from './actions.ts';
import { HttpError } from './http.ts';

function agentMessage(agent: StoredAgent, rid: string, msg: string): StoredMessage {
  const now = new Date();
  return {
    _id: randomId(),
    rid,
    msg,
    u: { _id: agent._id, username: agent.username, name: agent.name },
    ts: now,
    _updatedAt: now,
    urls: [],
    mentions: [],
    channels: [],
  };
}

function textOf(body: Record<string, unknown>): string {
  if (typeof body.msg !== 'string' || body.msg.trim() === '') throw new HttpError(400, 'invalid-msg');
  return body.msg;
}

export function sendMessage(store: Store, rid: string, body: Record<string, unknown>) {
  const room = openRoom(store, rid);
  const msg = textOf(body);
  const message = store.saveUserMessage(agentMessage(servingAgent(store, room), rid, msg));
  room.waitingResponse = false;
  return { message };
}

/**
 * A multipart form (`file`, optional `msg` and `description`) read as rooms.upload reads it (the limit is
 * FileUpload_MaxFileSize as set), the Uploads filter, then sendFileMessage's message. Rocket.Chat's refusals come back
 * as 400 with their code: error-file-too-large, error-invalid-file-type, error-file-upload-disabled, No file uploaded…
 */
export async function sendFile(store: Store, rid: string, req: IncomingMessage) {
  const room = openRoom(store, rid);
  const agent = servingAgent(store, room);
  try {
    const { file: upload, fields } = await readUploadForm(req, { field: 'file', sizeLimit: Number(store.setting('FileUpload_MaxFileSize')) });
    const file = insertFile(store, rid, upload, fields.description);
    const message = store.saveUserMessage({ ...agentMessage(agent, rid, fields.msg ?? ''), groupable: false, ...agentFileFields(file) });
    room.waitingResponse = false;
    return { message };
  } catch (e) {
    if (e instanceof ApiError) throw new HttpError(400, e.errorType ?? e.message);
    throw e;
  }
}

/** updateMessage: an agent's own message in an open room, parsed again, `editedAt`/`editedBy` set, re-emitted on
 * stream-room-messages under the same `_id` (§4.5, §6.5). */
export function editMessage(store: Store, rid: string, mid: string, body: Record<string, unknown>) {
  const room = openRoom(store, rid);
  const message = store.roomMessages(room._id).find((m) => m._id === mid);
  if (!message) throw new HttpError(404, 'message-not-found');
  if (message.t || !store.agents.has(message.u._id)) throw new HttpError(400, 'error-action-not-allowed');
  const msg = textOf(body);
  const now = new Date();
  const edited = store.saveUserMessage({
    ...message,
    msg,
    editedAt: now,
    editedBy: { _id: message.u._id, username: message.u.username },
    _updatedAt: now,
  });
  return { message: edited };
}

/** deleteMessage: gone with its files, `<rid>/deleteMessage` sent (§4.5). */
export function deleteMessage(store: Store, rid: string, mid: string) {
  findRoom(store, rid);
  if (!store.deleteMessage(rid, mid)) throw new HttpError(404, 'message-not-found');
  return { _id: mid };
}
