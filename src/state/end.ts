// The visitor ending the chat (§4.6, widget spec §4.5): "End chat" asks for confirmation, then
// `POST livechat/room.close`; the `livechat-close` message that follows finishes the conversation.
import { computed } from '@preact/signals';
import { errorCode } from '../api/rest.ts';
import { config } from './config.ts';
import { closed, closeRoom, room } from './room.ts';
import { resettable } from './session.ts';

/** `failed` keeps the error code of the last attempt; the confirmation stays open so the visitor can try again. */
export type Ending = { step: 'idle' } | { step: 'confirming' } | { step: 'closing' } | { step: 'failed'; error: string };

export const ending = resettable<Ending>({ step: 'idle' });

export const canEnd = computed(() => !!(config.value?.settings.visitorsCanCloseChat && room.value && !closed.value));

export function askEnd() {
  ending.value = { step: 'confirming' };
}

export function cancelEnd() {
  if (ending.value.step != 'closing') ending.value = { step: 'idle' };
}

export async function confirmEnd() {
  if (ending.value.step == 'closing') return;
  ending.value = { step: 'closing' };
  const r = await closeRoom();
  ending.value = r.ok || closed.value ? { step: 'idle' } : { step: 'failed', error: errorCode(r) };
}
