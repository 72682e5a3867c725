// Loads and validates a seed (departments, custom fields, agents, settings) and fills Rocket.Chat's
// default setting values for every id the stand-in reads, so a seed only lists what it changes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Store, type Settings, type StoredAgent, type StoredCustomField, type StoredDepartment } from './store.ts';

/** Entries need their identifying keys; the rest falls back to Rocket.Chat's defaults. */
export interface Seed {
  departments?: (Pick<StoredDepartment, '_id' | 'name'> & Partial<StoredDepartment>)[];
  customFields?: (Pick<StoredCustomField, '_id' | 'label' | 'scope'> & Partial<StoredCustomField>)[];
  agents?: (Pick<StoredAgent, '_id' | 'username' | 'status'> & Partial<StoredAgent>)[];
  settings?: Settings;
}

/** Rocket.Chat defaults (server/settings/omnichannel.ts, general.ts, message.ts, app/file-upload/server/startup/settings.ts)
 * for the ids the stand-in uses. */
export const DEFAULT_SETTINGS: Settings = {
  Livechat_enabled: false,
  Livechat_title: 'Rocket.Chat',
  Livechat_title_color: '#C1272D',
  Livechat_offline_title: 'Leave a message',
  Livechat_offline_title_color: '#666666',
  Livechat_widget_position: 'right',
  Livechat_background: '',
  Livechat_registration_form: true,
  Livechat_name_field_registration_form: true,
  Livechat_email_field_registration_form: true,
  Livechat_registration_form_message: '',
  Livechat_display_offline_form: true,
  Livechat_offline_form_unavailable: '',
  Livechat_offline_message: '',
  Livechat_offline_success_message: '',
  Livechat_offline_email: '',
  Livechat_validate_offline_email: true,
  Livechat_conversation_finished_message: '',
  Livechat_conversation_finished_text: '',
  Livechat_enable_transcript: false,
  Livechat_transcript_message: '',
  Livechat_force_accept_data_processing_consent: false,
  Livechat_data_processing_consent_text: '',
  Livechat_enable_message_character_limit: false,
  Livechat_message_character_limit: 0,
  Livechat_accept_chats_with_no_agents: false,
  Livechat_Allow_collect_and_store_HTTP_header_informations: false,
  Livechat_hide_system_messages: ['uj', 'ul', 'livechat-close'],
  Hide_System_Messages: [],
  Livechat_history_monitor_type: 'url',
  Livechat_Visitor_navigation_as_a_message: false,
  Livechat_fileupload_enabled: true,
  FileUpload_Enabled: true,
  FileUpload_MaxFileSize: 104857600,
  FileUpload_MediaTypeWhiteList: '',
  FileUpload_MediaTypeBlackList: 'image/svg+xml',
  FileUpload_ProtectFiles: true,
  // the message parser's options (markdown.ts)
  HexColorPreview_Enabled: true,
  Katex_Enabled: true,
  Katex_Dollar_Syntax: false,
  Katex_Parenthesis_Syntax: true,
  Message_CustomDomain_AutoLink: '',
  Livechat_allow_switching_departments: true,
  Livechat_show_agent_info: true,
  Livechat_show_agent_email: false,
  Livechat_clear_local_storage_when_chat_ended: false,
  Livechat_guest_count: 1,
  Livechat_videocall_enabled: false,
  Livechat_hide_watermark: false,
  Livechat_Show_Connecting: false,
  Omnichannel_call_provider: 'none',
  Message_MaxAllowedSize: 5000,
  Omnichannel_allow_visitors_to_close_conversation: true,
  API_Enable_Rate_Limiter: true,
  API_Enable_Rate_Limiter_Limit_Calls_Default: 10,
  API_Enable_Rate_Limiter_Limit_Time_Default: 60000,
  API_Enable_CORS: false,
  API_CORS_Origin: '*',
  Language: '',
  // the stand-in's ROOT_URL (Meteor.absoluteUrl): absolute URLs it hands out; empty = taken from the request's Host
  Site_Url: '',
  UI_Use_Real_Name: false,
  UI_Use_Name_Avatar: false,
  Accounts_AvatarCacheTime: 3600,
  Accounts_AvatarBlockUnauthenticatedAccess: false,
  DDP_Rate_Limit_Connection_Enabled: true,
  DDP_Rate_Limit_Connection_Requests_Allowed: 600,
  DDP_Rate_Limit_Connection_Interval_Time: 60000,
  DDP_Rate_Limit_Connection_By_Method_Enabled: true,
  DDP_Rate_Limit_Connection_By_Method_Requests_Allowed: 10,
  DDP_Rate_Limit_Connection_By_Method_Interval_Time: 10000,
};

const KIND = { departments: ['_id', 'name'], customFields: ['_id', 'label', 'scope'], agents: ['_id', 'username', 'status'] } as const;

/** Throws a readable message when a seed entry lacks an identifying key or a list is not a list. */
export function validateSeed(seed: unknown): Seed {
  if (typeof seed !== 'object' || seed === null || Array.isArray(seed)) throw new Error('seed: expected an object');
  const s = seed as Record<string, unknown>;
  for (const [list, keys] of Object.entries(KIND)) {
    if (s[list] === undefined) continue;
    if (!Array.isArray(s[list])) throw new Error(`seed.${list}: expected an array`);
    (s[list] as Record<string, unknown>[]).forEach((item, i) => {
      for (const k of keys) if (typeof item?.[k] !== 'string') throw new Error(`seed.${list}[${i}].${k}: expected a string`);
    });
  }
  if (s.settings !== undefined && (typeof s.settings !== 'object' || s.settings === null)) throw new Error('seed.settings: expected an object');
  return s as Seed;
}

export const DEFAULT_SEED_FILE = fileURLToPath(new URL('./seed/default.json', import.meta.url));

export function loadSeed(file = DEFAULT_SEED_FILE): Seed {
  return validateSeed(JSON.parse(readFileSync(file, 'utf8')));
}

/** A fresh store from a seed (deep-copied, so one seed object can start many servers). */
export function storeFromSeed(seed: Seed): Store {
  const copy = structuredClone(seed);
  const store = new Store({ ...DEFAULT_SETTINGS, ...copy.settings });
  for (const d of copy.departments ?? []) store.departments.set(d._id, { enabled: true, showOnRegistration: true, showOnOfflineForm: true, ...d });
  for (const f of copy.customFields ?? [])
    store.customFields.set(f._id, {
      visibility: 'visible',
      public: true,
      required: false,
      regexp: '',
      type: 'input',
      options: '',
      defaultValue: '',
      ...f,
    });
  for (const a of copy.agents ?? []) store.agents.set(a._id, { name: a.username, departments: [], ...a });
  return store;
}
