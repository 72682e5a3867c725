// The small one-message screens (loading, error, unavailable, consent) and the notice below a finished conversation.
import { config, configState } from '../state/config.ts';
import { newChat } from '../state/room.ts';
import { acceptConsent } from '../state/ui.ts';
import { takeLostFocus } from './focus.ts';
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
  <div ref={takeLostFocus} class="notice">
    <p role={alert ? 'alert' : 'status'}>
      <Text s={text} />
    </p>
    {detail && (
      <p class="note">
        <Text s={detail} />
      </p>
    )}
    {action && (
      <button class="primary-button" onClick={onAction}>
        {action}
      </button>
    )}
  </div>
);

export function ErrorState({ onRetry }: { onRetry: () => void }) {
  const state = configState.value;
  const unreachable = state.status == 'error' && state.reason == 'unreachable';
  return <Notice alert text={t(unreachable ? 'cannotConnect' : 'somethingWentWrong')} action={t('tryAgain')} onAction={onRetry} />;
}

export const Consent = () => (
  <Notice text={t('consentTitle')} detail={config.value?.messages.dataProcessingConsentText} action={t('accept')} onAction={acceptConsent} />
);

/** Below the finished conversation (widget spec §4.5): the server's closing words or ours, and "Start a new chat". */
export function Finished() {
  const m = config.value?.messages;
  return (
    <Notice
      text={m?.conversationFinishedMessage || t('chatEnded')}
      detail={m?.conversationFinishedText}
      action={t('startNewChat')}
      onAction={newChat}
    />
  );
}
