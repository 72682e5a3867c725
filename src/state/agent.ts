// The agent serving the room (§4.9, §6.5): shown in the header once assigned.
import type { Agent, LivechatRoomEvent } from '../api/contract.ts';
import { api, resettable } from './session.ts';
import { currentToken } from './visitor.ts';

export const agent = resettable<Agent | null>(null);

/** An agent whose details the server hides (agentHiddenInfo) is shown as nobody in particular. */
export function setAgent(a: Agent | null | undefined) {
  agent.value = a && !a.hiddenInfo ? a : null;
}

/** agent.info answers `invalid-agent` while nobody serves the room; the stream's agentData fills in later. */
export async function loadAgent(rid: string) {
  const r = await api().agent(rid, currentToken());
  if (r.ok) setAgent(r.data.agent);
}

export function onLivechatEvent(e: LivechatRoomEvent) {
  if (e?.type == 'agentData') setAgent(e.data);
  else if (e?.type == 'agentStatus' && agent.value) agent.value = { ...agent.value, status: e.status };
}
