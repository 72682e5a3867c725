// The offline form (widget spec §4.3): agents away and displayOfflineForm on → POST livechat/offline.message.
import { computed } from './signals.ts';
import { config } from './config.ts';
import { emit } from './events.ts';
import { offlineFields } from './fields.ts';
import { createForm, submitForm } from './form.ts';
import { resettable, session } from './session.ts';

export const offlineForm = createForm();
export const offlineSent = resettable(false);
export const offlineList = computed(() => (config.value ? offlineFields(config.value) : []));

export function submitOffline() {
  const v = offlineForm.values.value;
  return submitForm(offlineForm, offlineList.value, async () => {
    const data = { name: v.name.trim(), email: v.email.trim(), message: v.message.trim(), department: v.department || undefined };
    const r = await session.api.offline(data);
    if (r.ok) (offlineSent.value = true), emit('OfflineFormSubmit', data);
    return r;
  });
}
