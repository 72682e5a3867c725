// `GET livechat/config` (§4.1): settings/theme/messages from the setting ids, plus guest/room/agent for a token.
import type { Config, ConfigSettings, PublicCustomField } from '../../src/api/contract.ts';
import { route } from '../route.ts';
import { S } from '../params.ts';
import type { IncomingMessage } from 'node:http';
import { absoluteUrl, publicAgent } from '../livechat.ts';
import { CHIME_PATH } from '../sounds.ts';
import type { Store } from '../store.ts';

/** api/lib/livechat.ts settings(): of uploads only `fileUpload` — no size or type limit; those are public settings
 * (`FileUpload_MaxFileSize`, `FileUpload_MediaTypeWhiteList`/`BlackList`) that the official widget never reads. */
function settings(store: Store): ConfigSettings {
  const s = <T>(id: string) => store.setting<T>(id);
  const limit = s<boolean>('Livechat_enable_message_character_limit')
    ? Number(s('Livechat_message_character_limit')) || Number(s('Message_MaxAllowedSize'))
    : false;
  return {
    registrationForm: s('Livechat_registration_form'),
    allowSwitchingDepartments: s('Livechat_allow_switching_departments'),
    nameFieldRegistrationForm: s('Livechat_name_field_registration_form'),
    emailFieldRegistrationForm: s('Livechat_email_field_registration_form'),
    displayOfflineForm: s('Livechat_display_offline_form'),
    videoCall: s('Omnichannel_call_provider') === 'default-provider',
    fileUpload: Boolean(s('Livechat_fileupload_enabled') && s('FileUpload_Enabled')),
    language: s('Language'),
    transcript: s('Livechat_enable_transcript'),
    historyMonitorType: s('Livechat_history_monitor_type'),
    forceAcceptDataProcessingConsent: s('Livechat_force_accept_data_processing_consent'),
    showConnecting: s('Livechat_Show_Connecting'),
    agentHiddenInfo: s('Livechat_show_agent_info') === false,
    clearLocalStorageWhenChatEnded: s('Livechat_clear_local_storage_when_chat_ended'),
    limitTextLength: limit,
    hiddenSystemMessages: s<string[]>('Livechat_hide_system_messages') ?? [],
    hideWatermark: s('Livechat_hide_watermark'),
    visitorsCanCloseChat: s('Omnichannel_allow_visitors_to_close_conversation'),
  };
}

function customFields(store: Store): PublicCustomField[] {
  return [...store.customFields.values()]
    .filter((f) => f.scope === 'visitor' && f.visibility === 'visible' && f.public)
    .map((f) => ({
      _id: f._id,
      label: f.label,
      regexp: f.regexp,
      required: f.required,
      type: f.type,
      defaultValue: f.defaultValue,
      options: f.options ? f.options.split(',').map((o) => o.trim()) : [],
    }));
}

function buildConfig(store: Store, req: IncomingMessage, token?: string, department?: string): Config {
  const s = <T>(id: string) => store.setting<T>(id);
  const departments = [...store.departments.values()]
    .filter((d) => d.enabled && [...store.agents.values()].some((a) => a.departments.includes(d._id)))
    .map(({ _id, name, showOnRegistration, showOnOfflineForm }) => ({ _id, name, showOnRegistration, showOnOfflineForm }));
  const config: Config = {
    enabled: true,
    settings: settings(store),
    theme: {
      title: s('Livechat_title'),
      color: s('Livechat_title_color'),
      offlineTitle: s('Livechat_offline_title'),
      offlineColor: s('Livechat_offline_title_color'),
      position: s<string>('Livechat_widget_position') || 'right',
      background: s('Livechat_background'),
      actionLinks: { webrtc: [], jitsi: [] },
    },
    messages: {
      offlineMessage: s('Livechat_offline_message'),
      offlineSuccessMessage: s('Livechat_offline_success_message'),
      offlineUnavailableMessage: s('Livechat_offline_form_unavailable'),
      conversationFinishedMessage: s('Livechat_conversation_finished_message'),
      conversationFinishedText: s('Livechat_conversation_finished_text'),
      transcriptMessage: s('Livechat_transcript_message'),
      registrationFormMessage: s('Livechat_registration_form_message'),
      dataProcessingConsentText: s('Livechat_data_processing_consent_text'),
    },
    survey: { items: ['satisfaction', 'agentKnowledge', 'agentResposiveness', 'agentFriendliness'], values: ['1', '2', '3', '4', '5'] },
    triggers: [],
    departments,
    resources: { sound: `${absoluteUrl(store, req)}${CHIME_PATH.slice(1)}`, emojis: [] },
    online: store.onlineAgents(department).length > 0 || Boolean(s('Livechat_accept_chats_with_no_agents')),
    customFields: customFields(store),
  };
  const visitor = token ? store.visitorByToken(token) : undefined;
  if (!visitor) return config;
  const { _id, name, username, visitorEmails, department: dep } = visitor;
  config.guest = { _id, name, username, token: visitor.token, visitorEmails, department: dep };
  const room = store.openRoomOf(visitor.token);
  if (!room) return config;
  config.room = {
    _id: room._id,
    departmentId: room.departmentId,
    servedBy: room.servedBy && { ...room.servedBy, ts: room.servedBy.ts.toISOString() },
    open: room.open,
    ...(room.callStatus ? { callStatus: room.callStatus } : {}),
  };
  const agent = room.servedBy && publicAgent(store, room.servedBy._id);
  if (agent) config.agent = agent;
  return config;
}

export const configRoutes = [
  route({
    method: 'GET',
    path: 'livechat/config',
    schema: S.object({ token: S.string, department: S.string, businessUnit: S.string }),
    action: ({ store, query, req }) =>
      store.setting('Livechat_enabled')
        ? { config: buildConfig(store, req, query.token as string | undefined, query.department as string | undefined) }
        : { config: { enabled: false } },
  }),
];
