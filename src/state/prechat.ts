// The pre-chat form (widget spec §4.4): one POST livechat/visitor, then the room.
import { computed } from '@preact/signals';
import type { Failure } from '../api/rest.ts';
import { config } from './config.ts';
import { emit } from './events.ts';
import { findDepartment, prechatFields } from './fields.ts';
import { createForm, prefill, submitForm, trimmed, type Errors } from './form.ts';
import { options } from './options.ts';
import { ensureRoom } from './room.ts';
import { resettable } from './session.ts';
import { registerVisitor } from './visitor.ts';

export const prechatForm = createForm();
/** The body of this session's successful registration. */
const registered = resettable('');

/** Empty when the form is off or would show no field: the visitor then registers silently on the first message. */
export const prechatList = computed(() => {
  const c = config.value;
  return c?.settings.registrationForm ? prechatFields(c, options.value.phone) : [];
});

/** Returning visitor, custom field defaults and `data-department` (§4.1 `guest`, §4.4). */
export function prefillPrechat() {
  const c = config.value;
  if (!c) return;
  const values: Record<string, string | undefined> = {
    name: c.guest?.name,
    email: c.guest?.visitorEmails?.[0]?.address,
    department: findDepartment(c, options.peek().department) ?? c.guest?.department,
  };
  for (const f of c.customFields ?? []) values['cf.' + f._id] = f.defaultValue;
  prefill(prechatForm, values);
}

function namedFields(f: Failure): Errors | undefined {
  const code = f.errorType || f.error;
  if (/error-invalid-email/.test(code)) return { email: 'badEmail' };
  if (/error-invalid-department/.test(code)) return { department: 'invalid' };
  const missing = /^Missing required custom fields: (.+)$/.exec(f.error)?.[1];
  if (missing) return Object.fromEntries(missing.split(', ').map((k) => ['cf.' + k, 'required' as const]));
}

/** Server errors that name a field go back to it (§2.2); one naming a field the form does not show (a required
 * custom field that is not public, a data-department without showOnRegistration) stays a general failure. */
export function visitorErrorFields(f: Failure): Errors | undefined {
  const e = namedFields(f);
  return e && Object.keys(e).every((k) => prechatList.peek().some((x) => x.id == k)) ? e : undefined;
}

export function submitPrechat() {
  const custom = config.value?.customFields ?? [];
  return submitForm(prechatForm, {
    fields: prechatList.value,
    async send() {
      const { name, email, phone, department, ...v } = trimmed(prechatForm);
      const body = {
        name,
        email,
        phone,
        department,
        // registerVisitor leaves out an empty list: the server's required check runs whenever the array is present.
        customFields: custom.map((f) => ({ key: f._id, value: v['cf.' + f._id] ?? '', overwrite: true })).filter((f) => f.value),
      };
      // When only the room failed, "try again" asks for the room alone: one registration per form (§1.5 allows 5/min).
      const key = JSON.stringify(body);
      const r = key == registered.value ? { ok: true as const, data: null } : await registerVisitor(body);
      if (!r.ok) return r;
      registered.value = key;
      emit('PrechatFormSubmit', { name, email, department });
      return ensureRoom();
    },
    fieldErrors: visitorErrorFields,
  });
}
