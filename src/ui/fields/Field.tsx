// One labelled form field with its inline error (widget spec §4.4): aria-invalid and aria-describedby
// point at the message. No native `required`, so the browser never blocks our own validation.
import type { Key } from '../../i18n/index.ts';
import { setValue, type Field, type Form } from '../../state/form.ts';
import { t } from '../t.ts';

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
  return (
    <div class="field">
      <label for={id}>
        {/* isolated: a bidi override in a server-given label must not reverse "(optional)" after it (§9) */}
        <bdi>{f.label || t(f.id as Key)}</bdi>
        {!f.required && <span class="optional"> ({t('optional')})</span>}
      </label>
      {f.kind == 'select' ? (
        <select {...props} onChange={onInput}>
          <option value="">{t('choose')}</option>
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
