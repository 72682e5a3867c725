import { config } from '../state/config.ts';
import { prechatForm, prechatList, submitPrechat } from '../state/prechat.ts';
import { FormView } from './FormView.tsx';
import { t } from './t.ts';

export const PrechatForm = () => (
  <FormView
    form={prechatForm}
    fields={prechatList.value}
    intro={config.value?.messages.registrationFormMessage || t('prechatGreeting')}
    label={t('startChat')}
    onSubmit={submitPrechat}
  />
);
