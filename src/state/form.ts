// Form state shared by the pre-chat and offline forms (widget spec §4.4): values survive every failure,
// validation shows every error at once, 429 counts down and resubmits by itself.
import { batch } from '@preact/signals';
import type { Failure, Result } from '../api/rest.ts';
import { later, resettable } from './session.ts';

/** Also the locale key of its message. */
export type FieldError = 'required' | 'badEmail' | 'invalid';
export type Errors = Partial<Record<string, FieldError>>;

export interface Field {
  /** 'name' | 'email' | 'phone' | 'department' | 'message' | 'cf.<custom field _id>' */
  id: string;
  kind: 'text' | 'email' | 'tel' | 'select' | 'textarea';
  required?: boolean;
  regexp?: string;
  /** server text (custom fields); built-in fields take theirs from the locale table */
  label?: string;
  options?: { value: string; label: string }[];
  autocomplete?: string;
}

export function createForm() {
  return {
    values: resettable<Record<string, string>>({}),
    errors: resettable<Errors>({}),
    pending: resettable(false),
    /** seconds left before the automatic resubmit after a 429 */
    wait: resettable(0),
    /** '' | 'network' | a server error text that names no field */
    failure: resettable(''),
  };
}
export type Form = ReturnType<typeof createForm>;

const matches = (re: string, v: string) => {
  try {
    return new RegExp(re).test(v);
  } catch {
    return true; // a broken server pattern must not lock the visitor out
  }
};

export function validate(f: Field, value = ''): FieldError | undefined {
  const v = value.trim();
  if (!v) return f.required ? 'required' : undefined;
  if (f.kind == 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return 'badEmail';
  if (f.regexp && !matches(f.regexp, v)) return 'invalid';
}

export function setValue(form: Form, id: string, value: string) {
  batch(() => {
    form.values.value = { ...form.values.value, [id]: value };
    if (form.errors.value[id]) form.errors.value = { ...form.errors.value, [id]: undefined };
  });
}

/** The values to send: trimmed, and undefined where empty; `T` says which ones validation guarantees. */
export const trimmed = <T = Record<string, string | undefined>>(form: Form): T =>
  Object.fromEntries(Object.entries(form.values.peek()).map(([k, v]) => [k, v.trim() || undefined])) as T;

/** Fills only empty values (prefill from config.guest, defaults, data-department). */
export function prefill(form: Form, values: Record<string, string | undefined>) {
  const v = { ...form.values.value };
  for (const k in values) if (!v[k] && values[k]) v[k] = values[k]!;
  form.values.value = v;
}

export interface Submission {
  fields: Field[];
  /** Sends the form's values (read when called, so a resubmit sends what the visitor corrected meanwhile). */
  send(): Promise<Result<unknown>>;
  /** The fields a server error names, when it names some the form shows (§2.2). */
  fieldErrors?(failure: Failure): Errors | undefined;
}

/** Validates every field, then sends; a 429 counts down and resubmits by itself (§1.4). */
export async function submitForm(form: Form, submission: Submission) {
  const { fields, send, fieldErrors } = submission;
  if (form.pending.value || form.wait.value) return;
  const errors: Errors = {};
  for (const f of fields) {
    const e = validate(f, form.values.value[f.id]);
    if (e) errors[f.id] = e;
  }
  const valid = !Object.keys(errors).length;
  batch(() => {
    form.errors.value = errors;
    form.failure.value = '';
    form.pending.value = valid;
  });
  if (!valid) return;
  const r = await send();
  form.pending.value = false;
  if (r.ok || r.error == 'aborted') return;
  if (r.status == 429) {
    // count down, then resubmit by itself
    form.wait.value = r.retryAfter ?? 5;
    const tick = () =>
      later(1e3, () => {
        form.wait.value--;
        if (form.wait.value > 0) tick();
        else void submitForm(form, submission);
      });
    tick();
    return;
  }
  const mapped = fieldErrors?.(r);
  if (mapped) form.errors.value = mapped;
  else form.failure.value = r.status ? r.error : 'network';
}
