// One labelled form field with its inline error (widget spec §4.4): aria-invalid and aria-describedby
// point at the message. No native `required`, so the browser never blocks our own validation.
import { setValue, type Field, type Form } from '../../state/form.ts';
import { t, tNodes } from '../t.ts';

/** The fields the widget itself offers: their ids are also the locale keys of their labels. */
const BUILT_IN = ['name', 'email', 'phone', 'department', 'message'] as const;
const isBuiltIn = (id: string): id is (typeof BUILT_IN)[number] => (BUILT_IN as readonly string[]).includes(id);

export function FieldView({ f, form }: { f: Field; form: Form }) {
  // ids are unique in the shadow root without a prefix: the widget's own are rc-*, custom fields cf.*
  const id = f.id;
  const err = form.errors.value[f.id];
  const onInput = (e: Event) => setValue(form, f.id, (e.target as HTMLInputElement).value);
  const props = {
    id,
    name: id,
    value: form.values.value[f.id] ?? '',
    autocomplete: f.autocomplete,
    'aria-required': f.required,
    'aria-invalid': !!err,
    'aria-describedby': err ? id + '-e' : undefined,
    onInput,
  };
  // isolated: a bidi override in a server-given label must not reverse "(optional)" after it (§9)
  const label = <bdi>{f.label || (isBuiltIn(f.id) ? t(f.id) : f.id)}</bdi>;
  return (
    <div class="field">
      <label for={id}>{f.required ? label : tNodes('optionalLabel', { label })}</label>
      {f.kind == 'select' ? (
        <select {...props} onChange={onInput}>
          <option value="">{t('chooseOption')}</option>
          {f.options?.map((o) => (
            <option value={o.value}>{o.label}</option>
          ))}
        </select>
      ) : f.kind == 'textarea' ? (
        <textarea rows={4} {...props} />
      ) : (
        // the kinds left here are all text-like input types
        <input type={f.kind as 'text'} {...props} />
      )}
      {err && (
        // role=alert: a message inserted into the page is only announced by a live region, and a focus move
        // announces the first field's error alone
        <p class="error" id={id + '-e'} role="alert">
          {t(err)}
        </p>
      )}
    </div>
  );
}
