// The message box (widget spec §4.5): Enter sends, Shift+Enter is a newline, length limited by limitTextLength.
import { config } from '../state/config.ts';
import { visitorTyping } from '../state/connection.ts';
import { draft, sendMessage } from '../state/send.ts';
import { Icon } from './Icon.tsx';
import { t } from './t.ts';

function send(e: Event) {
  e.preventDefault();
  if (!draft.value.trim()) return;
  void sendMessage(draft.value);
  draft.value = '';
  visitorTyping(false);
}

export const Composer = () => (
  <form class="composer" onSubmit={send}>
    <textarea
      aria-label={t('message')}
      rows={1}
      value={draft.value}
      maxLength={config.value?.settings.limitTextLength || undefined}
      onInput={(e: Event) => visitorTyping(!!(draft.value = (e.target as HTMLTextAreaElement).value).trim())}
      // The Enter that confirms an IME candidate must not send: isComposing, or keyCode 229 where Safari clears it.
      onKeyDown={(e: KeyboardEvent) => e.key == 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode != 229 && send(e)}
    />
    <button type="submit" class="icon-button" aria-label={t('send')}>
      <Icon name="send" />
    </button>
  </form>
);
