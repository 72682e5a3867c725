// The panel's header (widget spec §4.5): title, who is serving the chat, "End chat" and minimize. Buttons outside
// a form need no type="button" (here, the launcher, notices and the log).
import { agent } from '../state/agent.ts';
import { askEnd, cancelEnd, canEnd, confirmEnd, ending } from '../state/end.ts';
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

/** One confirm step in the button itself (§4.6): "End chat" asks "End chat?", a second press ends, leaving the
 * button cancels; the status line says it too (Conversation). */
function EndButton() {
  const e = ending.value;
  return (
    <button class="header-button" aria-busy={e == 'busy'} onBlur={() => e == 'ask' && cancelEnd()} onClick={e == 'ask' ? confirmEnd : e == 'busy' ? undefined : askEnd}>
      {t('endChat') + (e == 'ask' ? '?' : '')}
    </button>
  );
}

export const Header = ({ title }: { title: string }) => (
  <header class="header">
    <div class="heading">
      <h2 id="rc-title">{title}</h2>
      {room.value && <p class="served-by">{served()}</p>}
    </div>
    {canEnd.value && <EndButton />}
    <button class="icon-button" aria-label={t('minimize')} onClick={closeToLauncher}>
      <Icon name="close" />
    </button>
  </header>
);
