// A form screen (pre-chat, offline): a greeting, every error shown at once and focus on the first invalid field;
// the submit button is never disabled for validity and always in view, below the fields that scroll (widget spec §4.4).
import type { Field, Form } from '../state/form.ts';
import { errorSentence } from './errors.ts';
import { FieldView } from './fields/Field.tsx';
import { Text } from './Text.tsx';
import { t } from './t.ts';

interface Props {
  form: Form;
  fields: Field[];
  /** the greeting above the fields: the server's text, or a locale sentence */
  intro: string;
  label: string;
  onSubmit: () => Promise<void>;
}

export function FormView({ form, fields, intro, label, onSubmit }: Props) {
  const failure = form.failure.value;
  const wait = form.wait.value;
  const submit = async (e: Event) => {
    e.preventDefault();
    const el = e.currentTarget as HTMLFormElement;
    await onSubmit();
    const first = fields.find((f) => form.errors.value[f.id]);
    if (first) (el.elements.namedItem(first.id) as HTMLElement | null)?.focus();
  };
  return (
    <form class="form" noValidate onSubmit={submit}>
      <div class="form-fields">
        <p class="note">
          <Text s={intro} />
        </p>
        {fields.map((f) => (
          <FieldView key={f.id} f={f} form={form} />
        ))}
      </div>
      <div class="form-actions">
        {wait > 0 && <p role="status">{t('retryingIn', { n: wait })}</p>}
        {failure && <p role="alert">{t(errorSentence(failure))}</p>}
        <button type="submit" class="primary-button" aria-busy={form.pending.value}>
          {failure == 'network' ? t('tryAgain') : label}
        </button>
      </div>
    </form>
  );
}
