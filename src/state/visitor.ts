// The visitor's token and registration (§2, widget spec §3). The token lives only in this module's closure:
// never in a signal, the DOM, the console or a message to another window.
import { computed } from '@preact/signals';
import type { CustomFieldValue, Message, VisitorRegistration } from '../api/contract.ts';
import type { Result } from '../api/rest.ts';
import { newToken } from '../lib/ids.ts';
import { api, resettable, storage } from './session.ts';

let token = '';
/** Whether `token` is the one in storage (read from it, or written once a chat started). */
let stored = false;

/** The visitor the server knows for our token (config.guest, a registration, or another tab's registration);
 * `username` (guest-N) is what the typing signal carries (§6.6). */
export const visitor = resettable<{ _id: string; username: string } | null>(null);
export const visitorId = computed(() => visitor.value?._id ?? '');

/** Reads a stored token without creating anything; a first visit gets a fresh one kept in memory only. */
export async function loadToken() {
  const t = await storage().get('token');
  // A host token (setGuestToken) is any string; it counts while this page holds it, and the host sets it again on load.
  stored = typeof t == 'string' && (/^[0-9a-f]{64}$/.test(t) || t == token);
  token = typeof t == 'string' && stored ? t : newToken();
}

/** The token for `GET livechat/config`: only one that was stored on an earlier visit (§4.1). */
export const storedToken = () => (stored ? token : undefined);
export const currentToken = () => token;

/** The first write of the whole widget: it happens only once the visitor (or the host page) starts a chat. */
async function persistToken() {
  if (!stored) await storage().set('token', token);
  stored = true;
}

/** The host page's setCustomField calls before registration, sent with it (widget spec §7). */
export const hostFields = resettable<Record<string, CustomFieldValue>>({});

/** setGuestToken / registerGuest: the host page's token replaces ours, and is kept. */
export async function useToken(t: string) {
  if (t == token) return;
  token = t;
  stored = false;
  visitor.value = null;
  await persistToken();
}

/** logout() (widget spec §3): forget locally; deleting from a database never created would create it. */
export async function forget() {
  if (stored) await Promise.all([storage().del('token'), storage().del('outbox')]);
}

export async function registerVisitor(fields: Omit<VisitorRegistration, 'token'>): Promise<Result<unknown>> {
  await persistToken();
  const custom = [...Object.values(hostFields.value), ...(fields.customFields ?? [])];
  const r = await api().visitor({ token, ...fields, customFields: custom.length ? custom : undefined });
  if (r.ok) knownVisitor(r.data.visitor);
  return r;
}

/** config.guest, a registration answer, or another tab's registration (which stored the token first). */
export function knownVisitor({ _id, username }: { _id: string; username: string }) {
  visitor.value = { _id, username };
}

/** Silent registration with just the token, for widgets without a pre-chat form. */
export const ensureVisitor = (): Promise<Result<unknown>> => (visitorId.value ? Promise.resolve({ ok: true, data: null }) : registerVisitor({}));

/** REST messages from the visitor carry the token; otherwise match the visitor's user id (§5.3). */
export const isMine = (m: Pick<Message<unknown>, 'token' | 'u'>) => (m.token ? m.token == token : !!visitorId.value && m.u._id == visitorId.value);
