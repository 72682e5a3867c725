// Livechat.registerGuest (§2.3): validate → build → find (token → phone → email) → create or update → custom fields.
import type { IncomingMessage } from 'node:http';
import type { CustomFieldValue } from '../src/api/contract.ts';
import { meteorError, plainError } from './errors.ts';
import { randomId, type Store, type StoredVisitor } from './store.ts';

export interface GuestInput {
  token: string;
  name?: string;
  email?: string;
  department?: string;
  phone?: string;
  username?: string;
  id?: unknown;
  customFields?: CustomFieldValue[];
}

function clientIp(req: IncomingMessage): string {
  const header = (name: string) =>
    String(req.headers[name] ?? '')
      .split(',')[0]
      .trim();
  return header('x-real-ip') || header('x-forwarded-for') || req.socket.remoteAddress || '';
}

function findExisting(store: Store, input: GuestInput): StoredVisitor | undefined {
  const byToken = store.visitorByToken(input.token);
  if (byToken) return byToken;
  const all = [...store.visitors.values()];
  if (input.phone) {
    // keeps its existing token: the new one is not stored (§2.3.6.2)
    const byPhone = all.find((v) => v.phone?.some((p) => p.phoneNumber === input.phone));
    if (byPhone) return byPhone;
  }
  if (input.email) {
    const byEmail = all.find((v) => v.visitorEmails?.some((e) => e.address === input.email));
    if (byEmail) return Object.assign(byEmail, { token: input.token });
  }
  return undefined;
}

/** Required visitor-scope fields missing from a sent `customFields` array (≈7.4+, only when the array is sent). */
export function checkRequired(store: Store, sent: CustomFieldValue[]): void {
  const keys = new Set(sent.map((f) => f.key));
  const missing = [...store.customFields.values()].filter((f) => f.scope === 'visitor' && f.required && !keys.has(f._id));
  if (missing.length) throw plainError(`Missing required custom fields: ${missing.map((f) => f._id).join(', ')}`);
}

/** Known visitor-scope keys only; `overwrite:false` keeps an existing truthy value (§2.3.11). */
export function applyVisitorFields(store: Store, visitor: StoredVisitor, fields: CustomFieldValue[]): void {
  for (const { key, value, overwrite } of fields) {
    if (store.customFields.get(key)?.scope !== 'visitor') continue;
    const data = (visitor.livechatData ??= {});
    if (overwrite || !data[key]) data[key] = value;
  }
}

export function registerGuest(store: Store, raw: GuestInput, req: IncomingMessage): StoredVisitor {
  const input = { ...raw, token: raw.token.trim() };
  if (!input.token) throw meteorError('error-invalid-token', 'Token cannot be empty', { method: 'livechat/visitor' });
  let department: string | undefined;
  if (input.department) {
    const dep = store.departments.get(input.department) ?? [...store.departments.values()].find((d) => d.name === input.department);
    if (!dep) throw meteorError('error-invalid-department', 'The provided department is invalid');
    department = dep._id;
  }
  if (input.email) {
    input.email = input.email.trim().toLowerCase();
    if (!/^[^@]+@[^@]+$/.test(input.email)) throw meteorError('error-invalid-email', `Invalid email ${input.email}`);
  }
  if (input.customFields) checkRequired(store, input.customFields);

  const now = new Date();
  let visitor = findExisting(store, input);
  if (!visitor) {
    visitor = {
      _id: typeof input.id === 'string' && input.id ? input.id : randomId(),
      username: input.username || `guest-${store.nextGuestNumber()}`,
      token: input.token,
      status: 'online',
      ts: now,
      _updatedAt: now,
    };
    if (store.setting('Livechat_Allow_collect_and_store_HTTP_header_informations')) {
      Object.assign(visitor, { userAgent: req.headers['user-agent'] ?? '', ip: clientIp(req), host: req.headers.host ?? '' });
    }
    store.visitors.set(visitor._id, visitor);
  }
  // only truthy fields are applied: an empty string never clears a stored value (§2.3, §12.9)
  if (input.name) visitor.name = input.name;
  if (department) visitor.department = department;
  if (input.phone) visitor.phone = [{ phoneNumber: input.phone }];
  if (input.email) visitor.visitorEmails = [{ address: input.email }];
  visitor.status = 'online';
  visitor._updatedAt = now;
  if (input.customFields) applyVisitorFields(store, visitor, input.customFields);
  refreshOpenRooms(store, visitor);
  return visitor;
}

/** Open rooms carry denormalised visitor data (§2.3.10). */
function refreshOpenRooms(store: Store, visitor: StoredVisitor): void {
  for (const room of store.rooms.values()) {
    if (!room.open || room.v._id !== visitor._id) continue;
    room.fname = visitor.name ?? visitor.username;
    room.v = { _id: visitor._id, username: visitor.username, token: visitor.token, status: visitor.status };
  }
}
