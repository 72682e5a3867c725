// The panel's header (widget spec §4.5): title, who is serving the chat and their status or that the chat ended, "End
// chat" (behind a confirmation) and minimize. Buttons outside a form need no type="button" (here, the launcher, notices
// and the log).
import { serving } from '../state/agent.ts';
import { canEnd } from '../state/end.ts';
import { closed, room } from '../state/room.ts';
import { EndChat } from './EndChat.tsx';
import { closeToLauncher } from './focus.ts';
import { Icon } from './Icon.tsx';
import { t } from './t.ts';

/** The agent's status (§6.5) → its locale key; any other status shows no word. */
const STATUS_WORDS = new Map<string | undefined, 'agentOnline' | 'agentAway' | 'agentBusy' | 'agentOffline'>([
  ['online', 'agentOnline'],
  ['away', 'agentAway'],
  ['busy', 'agentBusy'],
  ['offline', 'agentOffline'],
]);

/** Who serves the chat and their status; once it ended, only that (widget spec §4.5: no "Online" any more). */
function ServedBy() {
  const s = serving.value;
  if (closed.value) return <p class="served-by">{t('chatEndedStatus')}</p>;
  if (s.state != 'agent') return <p class="served-by">{t(s.state == 'waiting' ? 'waitingForAgent' : 'chattingWithAgent')}</p>;
  const { name, username, status } = s.agent;
  const word = STATUS_WORDS.get(status);
  return (
    <p class="served-by">
      {/* isolated: a bidi override in the agent's name must not reverse the status after it (§9) */}
      <bdi>{name || username}</bdi>
      {word && <span class="agent-status">{t(word)}</span>}
    </p>
  );
}

export const Header = ({ title }: { title: string }) => (
  <header class="header">
    <div class="heading">
      <h2 id="rc-title">{title}</h2>
      {room.value && <ServedBy />}
    </div>
    {canEnd.value && <EndChat />}
    <button class="icon-button" aria-label={t('minimizeChat')} onClick={closeToLauncher}>
      <Icon name="minimize" />
    </button>
  </header>
);
