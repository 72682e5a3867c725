// The message box (widget spec §4.5): a placeholder, grows with its text up to a few lines, Enter sends,
// Shift+Enter is a newline, length limited by limitTextLength.
import { config } from '../state/config.ts';
import { visitorTyping } from '../state/connection.ts';
import { draft, sendMessage } from '../state/send.ts';
import { Icon } from './Icon.tsx';
import { t } from './t.ts';

/** CSS `field-sizing: content` sizes the box to its text (up to its max-height); elsewhere this does it. */
function fit(box: HTMLTextAreaElement) {
  if (CSS.supports('field-sizing', 'content')) return;
  box.style.height = '';
  box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
}

function send(e: Event) {
  e.preventDefault();
  if (!draft.value.trim()) return;
  void sendMessage(draft.value);
  draft.value = '';
  visitorTyping(false);
  const box = (e.currentTarget as HTMLElement).closest('form')?.querySelector('textarea');
  if (box) box.style.height = '';
}

function onInput(e: Event) {
  const box = e.target as HTMLTextAreaElement;
  draft.value = box.value;
  visitorTyping(!!box.value.trim());
  fit(box);
}

function onKeyDown(e: KeyboardEvent) {
  // The Enter that confirms an IME candidate must not send: isComposing, or keyCode 229 where Safari clears it.
  if (e.key == 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode != 229) send(e);
}

export const Composer = () => (
  <form class="composer" onSubmit={send}>
    <textarea
      aria-label={t('message')}
      placeholder={t('composerPlaceholder')}
      rows={1}
      value={draft.value}
      maxLength={config.value?.settings.limitTextLength || undefined}
      onInput={onInput}
      onKeyDown={onKeyDown}
    />
    <button type="submit" class="icon-button" aria-label={t('send')}>
      <Icon name="send" />
    </button>
  </form>
);
