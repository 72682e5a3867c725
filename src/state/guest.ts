// The host page's say in who the visitor is (widget spec §7, the official widget's semantics): before
// registration guest data prefills the pre-chat form and custom fields wait to go with it; after, both update
// the visitor on the server. Every call first waits for start-up, which loads the token.
import type { CustomFieldValue } from '../api/contract.ts';
import { config, loadConfig, settled } from './config.ts';
import { warn } from './events.ts';
import { findDepartment } from './fields.ts';
import { setValue } from './form.ts';
import { prechatForm } from './prechat.ts';
import { options } from './options.ts';
import { again, openRoom } from './room.ts';
import { api } from './session.ts';
import { retryStart } from './start.ts';
import { currentToken, hostFields, registerVisitor, useToken, visitorId } from './visitor.ts';

export interface Guest {
  /** the host's own visitor token; default: ours */
  token?: string;
  name?: string;
  email?: string;
  /** id or name */
  department?: string;
  customFields?: CustomFieldValue[];
}

export async function setGuest(data: { name?: string; email?: string }) {
  for (const [k, v] of Object.entries(data)) setValue(prechatForm, k, v);
  await settled();
  if (visitorId.value) await registerVisitor(data);
}

export async function setDepartment(v: string) {
  await settled();
  const c = config.value;
  const id = c && findDepartment(c, v);
  if (c && !id) {
    warn(`setDepartment: no department "${v}"`);
    return;
  }
  options.value = { ...options.value, department: v };
  if (!id) return;
  setValue(prechatForm, 'department', id);
  // Whether an agent is online depends on the department (§4.1).
  await (visitorId.value ? registerVisitor({ department: id }) : loadConfig());
}

export function clearDepartment() {
  options.value = { ...options.value, department: undefined };
  setValue(prechatForm, 'department', '');
}

export async function setGuestToken(t: string) {
  await settled();
  if (t == currentToken()) return;
  await useToken(t);
  openRoom('');
  await retryStart();
}

/** Skips the pre-chat form. */
export async function registerGuest({ token, ...data }: Guest) {
  if (token) await setGuestToken(token);
  await settled();
  again.value = true;
  const r = await registerVisitor(data);
  if (!r.ok) warn('registerGuest: ' + r.error);
}

/** `overwrite: false` keeps a value the visitor already has (§3.4). */
export async function setCustomField(field: CustomFieldValue) {
  const { key } = field;
  hostFields.value = { ...hostFields.value, [key]: field };
  await settled();
  if (!visitorId.value) return; // sent with the registration
  const r = await api().customField({ token: currentToken(), ...field });
  if (!r.ok) warn(`setCustomField ${key}: ${r.error}`);
}
