// The panel's header (widget spec §4.5): title, who is serving the chat, "End chat" and minimize.
import { agent } from '../state/agent.ts';
import { askEnd, canEnd, ending } from '../state/end.ts';
import { room } from '../state/room.ts';
import type { Key } from '../i18n/index.ts';
import { closeToLauncher } from './focus.ts';
import { Icon } from './Icon.tsx';
import { t } from './t.ts';

const STATUS = ['online', 'away', 'busy', 'offline'];

function served() {
  const a = agent.value;
  if (!a) return t('waiting');
  const s = a.status && STATUS.includes(a.status) ? ' · ' + t(a.status as Key) : '';
  // isolated: a bidi override in the agent's name must not reverse the status after it (§9)
  return [<bdi>{a.name || a.username}</bdi>, s];
}

export const Header = ({ title }: { title: string }) => (
  <header class="hd">
    <div class="tt">
      <h2 id="rc-title">{title}</h2>
      {room.value && <p class="sb">{served()}</p>}
    </div>
    {canEnd.value && ending.value != 'ask' && (
      <button type="button" class="tb" onClick={askEnd}>
        {t('endChat')}
      </button>
    )}
    <button type="button" class="ib" aria-label={t('minimize')} onClick={closeToLauncher}>
      <Icon name="close" />
    </button>
  </header>
);
