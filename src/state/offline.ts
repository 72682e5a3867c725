// The offline form (widget spec §4.3): agents away and displayOfflineForm on → POST livechat/offline.message.
import { computed } from '@preact/signals';
import type { OfflineMessage } from '../api/livechat.ts';
import { config } from './config.ts';
import { emit } from './events.ts';
import { offlineFields } from './fields.ts';
import { createForm, submitForm, trimmed } from './form.ts';
import { api, resettable } from './session.ts';

export const offlineForm = createForm();
export const offlineSent = resettable(false);
export const offlineList = computed(() => (config.value ? offlineFields(config.value) : []));

export function submitOffline() {
  return submitForm(offlineForm, {
    fields: offlineList.value,
    async send() {
      const data = trimmed<OfflineMessage>(offlineForm);
      const r = await api().offline(data);
      // A success status is Rocket.Chat's word that the message went out (§4.8), whatever its body; nothing can be
      // asked afterwards, so sending again on an unreadable body would deliver it twice.
      const sent = r.ok || r.error == 'malformed-response';
      if (sent) {
        offlineSent.value = true;
        emit('OfflineFormSubmit', data);
      }
      return sent ? { ok: true, data: null } : r;
    },
  });
}
