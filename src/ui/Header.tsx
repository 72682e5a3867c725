// The panel's header (widget spec §4.5): title, who is serving the chat and their status, "End chat" (behind a
// confirmation) and minimize. Buttons outside a form need no type="button" (here, the launcher, notices and the log).
import { agent } from '../state/agent.ts';
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

function ServedBy() {
  const a = agent.value;
  if (!a) return <p class="served-by">{t('waitingForAgent')}</p>;
  // a finished chat no longer says the agent is online (widget spec §4.5)
  const status = closed.value ? undefined : STATUS_WORDS.get(a.status);
  return (
    <p class="served-by">
      {/* isolated: a bidi override in the agent's name must not reverse the status after it (§9) */}
      <bdi>{a.name || a.username}</bdi>
      {status && <span class="agent-status">{t(status)}</span>}
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
