// The open widget: a labelled dialog whose body follows the current screen. Escape closes it.
import { retryStart } from '../state/start.ts';
import { screen } from '../state/ui.ts';
import { Composer } from './Composer.tsx';
import { Conversation, StatusLine } from './Conversation.tsx';
import { closeToLauncher, focusFirst } from './focus.ts';
import { Header } from './Header.tsx';
import { OfflineForm } from './OfflineForm.tsx';
import { PrechatForm } from './PrechatForm.tsx';
import { Consent, ErrorState, Finished, Notice } from './Screens.tsx';
import { t } from './t.ts';

function Body() {
  switch (screen.value) {
    case 'loading':
      return <Notice text={t('loading')} />;
    case 'error':
      return <ErrorState onRetry={retryStart} />;
    case 'unavailable':
      return <Notice text={t('chatUnavailable')} />;
    case 'consent':
      return <Consent />;
    case 'offline':
    case 'offline-sent':
      return <OfflineForm />;
    case 'prechat':
      return <PrechatForm />;
    case 'finished':
      return (
        <Conversation>
          <Finished />
        </Conversation>
      );
    default:
      return (
        <Conversation>
          <StatusLine />
          <Composer />
        </Conversation>
      );
  }
}

export function Panel({ title }: { title: string }) {
  return (
    <div
      ref={focusFirst}
      class="panel"
      role="dialog"
      aria-labelledby="rc-title"
      onKeyDown={(e: KeyboardEvent) => e.key == 'Escape' && closeToLauncher(e)}
    >
      <Header title={title} />
      <div class="panel-body">
        <Body />
      </div>
    </div>
  );
}
