// The message list: server messages upserted by _id (REST now, the room stream later, §6.5) plus the
// visitor's own messages while they are being sent. Kept oldest first for display.
import type { Message } from '../api/contract.ts';
import { config } from './config.ts';
import { resettable } from './session.ts';
import { isMine } from './visitor.ts';

export interface ChatMessage {
  _id: string;
  msg: string;
  /** epoch ms */
  ts: number;
  author: string;
  mine: boolean;
  /** a system message other than the hidden ones (§5.3) */
  system?: boolean;
  state?: 'sending' | 'failed';
  reason?: string;
}

export const messages = resettable<ChatMessage[]>([]);
/** Set by a `livechat-close` message (§4.6, §5.3): the conversation is finished. */
export const closed = resettable(false);

/** REST sends ISO strings, DDP EJSON `{$date}` (§1.1). */
type AnyDate = string | number | Date | { $date: number };
const toMs = (d: AnyDate) => (typeof d == 'object' && '$date' in d ? d.$date : new Date(d).getTime());

/** Types never shown: room creation and close (the finished screen says it). */
const SILENT = ['livechat-started', 'livechat-close'];

export function upsertMessages(list: Message<AnyDate>[]) {
  const hidden = config.value?.settings.hiddenSystemMessages ?? [];
  const byId = new Map(messages.value.map((m) => [m._id, m]));
  for (const m of list) {
    if (m.t == 'livechat-close') closed.value = true;
    if (m.t && (SILENT.includes(m.t) || hidden.includes(m.t) || !m.msg)) continue;
    byId.set(m._id, { _id: m._id, msg: m.msg, ts: toMs(m.ts), author: m.alias || m.u.name || m.u.username, mine: isMine(m), system: !!m.t });
  }
  messages.value = [...byId.values()].sort((a, b) => a.ts - b.ts);
}

/** The visitor's message, shown at once as "sending" (widget spec §6). */
export const addPending = (_id: string, msg: string, ts = Date.now(), state: ChatMessage['state'] = 'sending', reason?: string) =>
  (messages.value = [...messages.value, { _id, msg, ts, author: '', mine: true, state, reason }]);

/** `<rid>/deleteMessage` (§6.5) */
export const removeMessage = (_id: string) => (messages.value = messages.value.filter((m) => m._id != _id));

export function clearMessages() {
  messages.value = [];
  closed.value = false;
}
