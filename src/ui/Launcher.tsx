// The round launcher (widget spec §2): renders before any request finishes; the badge counts unread messages, and
// the button's name says how many.
import { closeWidget, isOpen, openByVisitor, unread } from '../state/ui.ts';
import { Icon } from './Icon.tsx';
import { t } from './t.ts';

export function Launcher() {
  const open = isOpen.value;
  const n = unread.value;
  return (
    <button
      class="launcher"
      aria-expanded={open}
      aria-label={open ? t('minimizeChat') : n ? t('openChatUnread', { n }) : t('openChat')}
      onClick={open ? closeWidget : openByVisitor}
    >
      <Icon name={open ? 'minimize' : 'chat'} />
      {n > 0 && (
        <span class="badge" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      )}
    </button>
  );
}
