// Rocket.Chat livechat wire types (../shared/spec/rocketchat-livechat.md).
// The only widget module the stand-in server imports: keep it types and constants, no code that touches the DOM.

/** Dates are ISO strings over REST (§1.1). */
export type IsoDate = string;

export interface ErrorBody {
  success: false;
  error?: string;
  errorType?: string;
  details?: Record<string, unknown>;
  /** upload errors use `reason` instead of `error` (§4.11) */
  reason?: string;
  sizeAllowed?: string;
}

export interface Department {
  _id: string;
  name: string;
  showOnRegistration: boolean;
  showOnOfflineForm: boolean;
  departmentsAllowedToForward?: string[];
}

/** Visitor-scope custom field as config exposes it (§4.1). */
export interface PublicCustomField {
  _id: string;
  label: string;
  regexp?: string;
  required?: boolean;
  type?: 'input' | 'select';
  defaultValue?: string;
  options?: string[];
}

export interface ConfigSettings {
  registrationForm: boolean;
  allowSwitchingDepartments: boolean;
  nameFieldRegistrationForm: boolean;
  emailFieldRegistrationForm: boolean;
  displayOfflineForm: boolean;
  videoCall: boolean;
  fileUpload: boolean;
  language: string;
  transcript: boolean;
  historyMonitorType: 'url' | 'title' | 'never' | string;
  forceAcceptDataProcessingConsent: boolean;
  showConnecting: boolean;
  agentHiddenInfo: boolean;
  clearLocalStorageWhenChatEnded: boolean;
  limitTextLength: false | number;
  hiddenSystemMessages: string[];
  livechatLogo?: { url: string };
  hideWatermark: boolean;
  visitorsCanCloseChat: boolean;
}

export interface ConfigTheme {
  title: string;
  color: string;
  offlineTitle: string;
  offlineColor: string;
  position: 'left' | 'right' | string;
  background?: string;
  actionLinks?: { webrtc: unknown[]; jitsi: unknown[] };
}

export interface ConfigMessages {
  offlineMessage: string;
  offlineSuccessMessage: string;
  offlineUnavailableMessage: string;
  conversationFinishedMessage: string;
  conversationFinishedText: string;
  transcriptMessage: string;
  registrationFormMessage: string;
  dataProcessingConsentText: string;
}

export interface Trigger {
  _id: string;
  runOnce: boolean;
  conditions: { name: string; value?: string | number }[];
  actions: { name: string; params?: Record<string, unknown> }[];
}

export interface ConfigGuest {
  _id: string;
  name?: string;
  username: string;
  token: string;
  visitorEmails?: { address: string }[];
  department?: string;
}

export interface ConfigRoom {
  _id: string;
  departmentId?: string;
  servedBy?: { _id: string; username: string; ts?: IsoDate };
  open?: boolean;
  callStatus?: string;
}

export interface Agent {
  _id: string;
  username: string;
  name?: string;
  status?: string;
  emails?: { address: string }[];
  phone?: { phoneNumber: string }[];
  customFields?: Record<string, unknown>;
  hiddenInfo?: boolean;
}

export interface Config {
  enabled: boolean;
  settings: ConfigSettings;
  theme: ConfigTheme;
  messages: ConfigMessages;
  survey: { items: string[]; values: string[] };
  triggers: Trigger[];
  departments: Department[];
  /** `sound` is the chime's absolute URL (api/lib/livechat.ts settings()) */
  resources: { sound: string; emojis: unknown[] };
  online: boolean;
  guest?: ConfigGuest;
  room?: ConfigRoom;
  agent?: Agent;
  customFields?: PublicCustomField[];
  queueInfo?: unknown;
}

/** `GET livechat/config` when `Livechat_enabled` is false answers only `{enabled:false}`. */
export type ConfigResponse = { config: Config | { enabled: false } };

export interface CustomFieldValue {
  key: string;
  value: string;
  overwrite: boolean;
}

/** Body of `POST livechat/visitor` (§2.1). */
export interface VisitorRegistration {
  token: string;
  name?: string;
  email?: string;
  department?: string;
  phone?: string;
  username?: string;
  customFields?: CustomFieldValue[];
}

/** ILivechatVisitor, REST form (§5.1). */
export interface Visitor {
  _id: string;
  username: string;
  token: string;
  status: string;
  ts: IsoDate;
  _updatedAt: IsoDate;
  name?: string;
  phone?: { phoneNumber: string }[];
  visitorEmails?: { address: string }[];
  department?: string;
  livechatData?: Record<string, string>;
}

/** IOmnichannelRoom (§5.2). */
export interface Room {
  _id: string;
  t: 'l';
  msgs: number;
  usersCount?: number;
  fname?: string;
  ts: IsoDate;
  lm?: IsoDate;
  _updatedAt: IsoDate;
  v: { _id: string; username: string; token: string; status: string };
  departmentId?: string;
  cl?: boolean;
  open?: boolean;
  waitingResponse?: boolean;
  source?: { type: string };
  servedBy?: { _id: string; username: string; ts: IsoDate };
  closedAt?: IsoDate;
  closer?: 'visitor' | 'user';
  livechatData?: Record<string, string>;
}

export interface MessageUser {
  _id: string;
  username: string;
  name?: string;
}

/** An entry of `files` (§4.11): a visitor's upload carries `{_id, name, type}`, an agent's also `size` and `format`. */
export interface FileInfo {
  _id: string;
  name: string;
  type: string;
  size?: number;
  format?: string;
}

/** A file attachment as Rocket.Chat builds it (§4.11): `title_link` is the download path of §4.11; images add `image_*`,
 * audio and video their `audio_*` / `video_*`; `descriptionMd` is the parse tree of `description`. */
export interface MessageAttachment {
  type?: 'file';
  title?: string;
  title_link?: string;
  title_link_download?: boolean;
  description?: string;
  descriptionMd?: unknown[];
  image_url?: string;
  image_type?: string;
  image_size?: number;
  image_dimensions?: { width: number; height: number };
  audio_url?: string;
  audio_type?: string;
  audio_size?: number;
  video_url?: string;
  video_type?: string;
  video_size?: number;
  /** agent uploads of other files: the extension in capitals, and the size */
  format?: string;
  size?: number;
}

/** IMessage as the visitor receives it (§4.3, §5.3). `ts` is ISO over REST and EJSON over DDP. */
export interface Message<D = IsoDate> {
  _id: string;
  rid: string;
  msg: string;
  t?: string;
  token?: string;
  alias?: string;
  u: MessageUser;
  ts: D;
  _updatedAt: D;
  editedAt?: D;
  editedBy?: { _id: string; username: string };
  groupable?: boolean;
  urls?: unknown[];
  mentions?: unknown[];
  channels?: unknown[];
  md?: unknown[];
  file?: FileInfo;
  files?: FileInfo[];
  attachments?: MessageAttachment[];
}

/** EJSON date as carried over DDP (§6.5). */
export interface EjsonDate {
  $date: number;
}

/** DDP frames (§6). Only the ones this widget and the stand-in exchange. */
export type DdpFrame =
  | { msg: 'connect'; version: string; support: string[] }
  | { msg: 'connected'; session: string }
  | { msg: 'failed'; version: string }
  | { msg: 'ping'; id?: string }
  | { msg: 'pong'; id?: string }
  | { msg: 'sub'; id: string; name: string; params: unknown[] }
  | { msg: 'unsub'; id: string }
  | { msg: 'ready'; subs: string[] }
  | { msg: 'nosub'; id: string; error?: DdpError }
  | { msg: 'method'; id: string; method: string; params: unknown[] }
  | { msg: 'result'; id: string; result?: unknown; error?: DdpError }
  | { msg: 'updated'; methods: string[] }
  | { msg: 'changed'; collection: string; id: string; fields: { eventName: string; args: unknown[] } };

/** A Meteor.Error: `error` is a code ('too-many-requests') or an HTTP-like number (404 method not found, 500). */
export interface DdpError {
  isClientSafe?: boolean;
  error: string | number;
  message?: string;
  reason?: string;
  errorType?: string;
  /** e.g. `{timeToReset}` (ms) of the DDP rate limiter's 'too-many-requests' */
  details?: Record<string, unknown>;
}

/** The token object the room subscriptions carry (§6.4). */
export interface StreamTokenArg {
  token: string;
  visitorToken: string;
}

/** Room subscriptions, in the order the official client opens them (§6.4). */
export const STREAM_ROOM_MESSAGES = 'stream-room-messages';
export const STREAM_NOTIFY_ROOM = 'stream-notify-room';
export const STREAM_LIVECHAT_ROOM = 'stream-livechat-room';

/** `stream-livechat-room` payloads (§6.5). */
export type LivechatRoomEvent =
  | { type: 'agentData'; data: Agent }
  | { type: 'agentStatus'; status: string }
  | { type: 'queueData'; data: unknown }
  | { type: 'visitorData'; visitor: unknown };
