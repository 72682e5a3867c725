// Sending a visitor message (§4.3). The one place a message goes out, so the outbox can take over here.
import { errorCode } from '../api/rest.ts';
import { newId } from '../storage/token.ts';
import { addPending, messages, patchMessage, upsertMessages } from './messages.ts';
import { ensureRoom } from './room.ts';
import { resettable, session } from './session.ts';
import { currentToken } from './visitor.ts';

/** The composer's text: state, not component state, so it survives closing the panel. */
export const draft = resettable('');

export async function sendMessage(text: string) {
  const msg = text.trim();
  if (!msg) return;
  const _id = newId();
  addPending(_id, msg);
  await deliver(_id, msg);
}

/** A failed message stays visible with its reason until the visitor retries it (widget spec §6). */
export function retryMessage(_id: string) {
  const m = messages.value.find((x) => x._id == _id);
  if (!m || m.state != 'failed') return;
  patchMessage(_id, { state: 'sending', reason: undefined });
  return deliver(_id, m.msg);
}

async function deliver(_id: string, msg: string) {
  const rid = await ensureRoom();
  const r = rid.ok ? await session.api.send({ token: currentToken(), rid: rid.data, msg, _id }) : rid;
  if (r.ok) upsertMessages([r.data.message]);
  else if (r.error != 'aborted') patchMessage(_id, { state: 'failed', reason: errorCode(r) });
}
