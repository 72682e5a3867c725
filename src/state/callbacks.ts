// The host-page callbacks that follow from state (widget spec §7), whatever changed it: the launcher, Escape,
// the host API, the room stream or another tab. Payloads as the official widget's.
import type { Agent } from '../api/contract.ts';
import { agent } from './agent.ts';
import { config } from './config.ts';
import { emit } from './events.ts';
import { closed } from './messages.ts';
import { session } from './session.ts';
import { effect } from './signals.ts';
import { isOpen } from './ui.ts';

const who = (a: Agent) => ({ name: a.name, username: a.username, status: a.status });

export function watchCallbacks() {
  let open = isOpen.peek();
  let prev: Agent | null = null;
  for (const fn of [
    () => isOpen.value != open && emit((open = !open) ? 'ChatMaximized' : 'ChatMinimized'),
    () => closed.value && emit('ChatEnded'),
    () => config.value?.online === false && emit('ServiceOffline'),
    () => {
      const a = agent.value;
      if (a && a._id != prev?._id) emit('AssignAgent', who(a));
      else if (a && a.status != prev?.status) emit('AgentStatusChange', who(a));
      prev = a;
    },
  ])
    session.abort.signal.addEventListener('abort', effect(fn));
}
