// The small one-message screens: loading, error, unavailable, consent, finished.
import { config, configState } from '../state/config.ts';
import { newChat } from '../state/room.ts';
import { acceptConsent } from '../state/ui.ts';
import { Text } from './Text.tsx';
import { t } from './t.ts';

interface Props {
  text: string;
  detail?: string;
  action?: string;
  onAction?: () => void;
  alert?: boolean;
}

export const Notice = ({ text, detail, action, onAction, alert }: Props) => (
  <div class="nt">
    <p role={alert ? 'alert' : 'status'}>
      <Text s={text} />
    </p>
    {detail && (
      <p class="in">
        <Text s={detail} />
      </p>
    )}
    {action && (
      <button class="pr" onClick={onAction}>
        {action}
      </button>
    )}
  </div>
);

export const ErrorState = ({ onRetry }: { onRetry: () => void }) => (
  <Notice alert text={t(configState.value.status == 'error' && configState.value.reason == 'unreachable' ? 'network' : 'error')} action={t('retry')} onAction={onRetry} />
);

export const Consent = () => (
  <Notice text={t('consentTitle')} detail={config.value?.messages.dataProcessingConsentText} action={t('accept')} onAction={acceptConsent} />
);

export function Finished() {
  const m = config.value?.messages;
  return <Notice text={m?.conversationFinishedMessage || t('finished')} detail={m?.conversationFinishedText} action={t('start')} onAction={newChat} />;
}
