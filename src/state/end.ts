// The visitor ending the chat (§4.6, widget spec §4.5): asked once, then `POST livechat/room.close`.
import { computed } from '@preact/signals';
import { errorCode } from '../api/rest.ts';
import { config } from './config.ts';
import { closed, closeRoom, room } from './room.ts';
import { resettable } from './session.ts';

/** '' | 'ask' (confirming) | 'busy' | the error code of a failed attempt */
export const ending = resettable('');

export const canEnd = computed(() => !!(config.value?.settings.visitorsCanCloseChat && room.value && !closed.value));

export const askEnd = () => (ending.value = 'ask');
export const cancelEnd = () => (ending.value = '');

export async function confirmEnd() {
  ending.value = 'busy';
  const r = await closeRoom();
  ending.value = r.ok || closed.value ? '' : errorCode(r);
}
