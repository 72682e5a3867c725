import { config } from '../state/config.ts';
import { offlineForm, offlineList, offlineSent, submitOffline } from '../state/offline.ts';
import { FormView } from './FormView.tsx';
import { Text } from './Text.tsx';
import { t } from './t.ts';

export function OfflineForm() {
  const m = config.value?.messages;
  if (offlineSent.value)
    return (
      <p class="note" role="status">
        <Text s={m?.offlineSuccessMessage || t('offlineSent')} />
      </p>
    );
  return (
    <FormView
      form={offlineForm}
      fields={offlineList.value}
      intro={m?.offlineMessage || t('offlineIntro')}
      label={t('send')}
      onSubmit={submitOffline}
    />
  );
}
