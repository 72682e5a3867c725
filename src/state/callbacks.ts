// The host-page callbacks that follow from state (widget spec §7), whatever changed it: the launcher, Escape,
// the host API, the room stream or another tab. Payloads as the official widget's.
import { effect } from '@preact/signals';
import type { Agent } from '../api/contract.ts';
import { agent } from './agent.ts';
import { config } from './config.ts';
import { emit, type AgentInfo } from './events.ts';
import { closed, room } from './room.ts';
import { onSessionEnd } from './session.ts';
import { isOpen } from './ui.ts';

const who = (a: Agent): AgentInfo => ({ name: a.name, username: a.username, status: a.status });

export function watchCallbacks() {
  let open = isOpen.peek();
  let previous: Agent | null = null;
  let openRid = '';
  const watchers = [
    () => {
      if (isOpen.value == open) return;
      open = isOpen.value;
      if (open) emit('ChatMaximized');
      else emit('ChatMinimized');
    },
    () => {
      // only a chat that was open here: not the finished one a reload shows again
      const rid = room.value;
      if (!closed.value) openRid = rid;
      else if (rid == openRid) emit('ChatEnded');
    },
    () => {
      if (config.value?.online === false) emit('ServiceOffline');
    },
    () => {
      const a = agent.value;
      if (a && a._id != previous?._id) emit('AssignAgent', who(a));
      else if (a && a.status != previous?.status) emit('AgentStatusChange', who(a));
      previous = a;
    },
  ];
  for (const watch of watchers) onSessionEnd(effect(watch));
}
