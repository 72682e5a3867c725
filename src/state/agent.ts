// Who serves the room (§4.9, §6.5): shown in the header.
import { computed } from '@preact/signals';
import type { Agent, LivechatRoomEvent } from '../api/contract.ts';
import { isAgent } from '../api/shapes.ts';
import { api, resettable } from './session.ts';
import { currentToken } from './visitor.ts';

/** Nobody yet; an agent the widget cannot name (the server hides agents, or what it said of this one was unreadable);
 * or the agent. */
export type Serving = { state: 'waiting' } | { state: 'unnamed' } | { state: 'agent'; agent: Agent };

export const serving = resettable<Serving>({ state: 'waiting' });
/** The serving agent, when the widget can name them. */
export const agent = computed(() => (serving.value.state == 'agent' ? serving.value.agent : null));

/** A room opens: waiting, or already served (its `servedBy`, §5.2) by an agent whose details come next. */
export function resetAgent({ served }: { served: boolean }) {
  serving.value = { state: served ? 'unnamed' : 'waiting' };
}

/** The agent the server names (config, agent.info, agentData): someone serves the room, even when their details are
 * hidden (agentHiddenInfo) or unreadable. */
export function setAgent(a: unknown) {
  serving.value = isAgent(a) && !a.hiddenInfo ? { state: 'agent', agent: a } : { state: 'unnamed' };
}

/** agent.info answers `invalid-agent` while nobody serves the room: the stream's agentData fills in later. An answer
 * that cannot be read is still a success, so someone serves the room; any other failure leaves what is known. */
export async function loadAgent(rid: string) {
  const r = await api().agent(rid, currentToken());
  if (r.ok) setAgent(r.data.agent);
  else if (r.error == 'malformed-response') setAgent(undefined);
}

export function onLivechatEvent(e: LivechatRoomEvent) {
  const a = agent.peek();
  if (e.type == 'agentData') setAgent(e.data);
  else if (e.type == 'agentStatus' && a) setAgent({ ...a, status: e.status });
}
