// The stand-in's in-memory database and its event bus. Dates are kept as Date objects:
// JSON.stringify turns them into ISO strings for REST (§1.1) and the DDP layer into EJSON (§6.5).
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { FileInfo, LivechatRoomEvent, MessageAttachment } from '../src/api/contract.ts';
import { withMarkdown } from './markdown.ts';

export interface StoredDepartment {
  _id: string;
  name: string;
  enabled: boolean;
  showOnRegistration: boolean;
  showOnOfflineForm: boolean;
}

export interface StoredCustomField {
  _id: string;
  label: string;
  scope: 'visitor' | 'room';
  visibility: 'visible' | 'hidden';
  public: boolean;
  required: boolean;
  regexp: string;
  type: 'input' | 'select';
  options: string;
  defaultValue: string;
}

export interface StoredAgent {
  _id: string;
  username: string;
  name: string;
  status: 'online' | 'away' | 'busy' | 'offline';
  departments: string[];
}

export interface StoredVisitor {
  _id: string;
  username: string;
  token: string;
  status: string;
  ts: Date;
  _updatedAt: Date;
  name?: string;
  phone?: { phoneNumber: string }[];
  visitorEmails?: { address: string }[];
  department?: string;
  livechatData?: Record<string, string>;
  userAgent?: string;
  ip?: string;
  host?: string;
}

export interface StoredRoom {
  _id: string;
  t: 'l';
  msgs: number;
  usersCount: number;
  fname: string;
  ts: Date;
  lm: Date;
  _updatedAt: Date;
  v: { _id: string; username: string; token: string; status: string };
  departmentId?: string;
  cl: boolean;
  open?: boolean;
  waitingResponse?: boolean;
  source: { type: string };
  queuedAt?: Date;
  servedBy?: { _id: string; username: string; ts: Date };
  closedAt?: Date;
  closedBy?: { _id: string; username: string };
  closer?: 'visitor' | 'user';
  livechatData?: Record<string, string>;
  /** set by visitor.callStatus (Rooms.setCallStatus) */
  callStatus?: string;
}

export interface StoredMessage {
  _id: string;
  rid: string;
  msg: string;
  t?: string;
  token?: string;
  alias?: string;
  groupable?: boolean;
  u: { _id: string; username: string; name?: string };
  ts: Date;
  _updatedAt: Date;
  editedAt?: Date;
  editedBy?: { _id: string; username: string };
  /** kept but never shown: not in history, not on the room stream (page tracking without the "as a message" setting) */
  _hidden?: boolean;
  urls: unknown[];
  mentions: unknown[];
  channels: unknown[];
  /** the parse tree (§4.3): set by saveUserMessage when `msg` is not empty; system messages have none */
  md?: unknown[];
  file?: FileInfo;
  files?: FileInfo[];
  attachments?: MessageAttachment[];
  [extra: string]: unknown;
}

/** An uploaded file (§4.11), kept in memory for `/file-upload/<id>/<name>`; `identify` as Rocket.Chat's
 * uploadsOnValidate records it for images. */
export interface StoredFile {
  _id: string;
  rid: string;
  name: string;
  type: string;
  size: number;
  data: Buffer;
  uploadedAt: Date;
  identify?: { format: string; size: { width: number; height: number } };
  description?: string;
}

/** One event on a DDP stream (§6.5): `stream` is the collection, `eventName` the key subscribers asked for. */
export interface StreamEvent {
  stream: string;
  eventName: string;
  args: unknown[];
  /** the DDP connection a method-originated event came from, so it is not echoed back to it (§6.5 retransmitToSelf) */
  origin?: object;
}

export type Settings = Record<string, unknown>;

const UNMISTAKABLE = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** Meteor-style 17-character id. */
export function randomId(length = 17): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const b of bytes) id += UNMISTAKABLE[b % UNMISTAKABLE.length];
  return id;
}

export class Store {
  readonly settings: Settings;
  readonly departments = new Map<string, StoredDepartment>();
  readonly customFields = new Map<string, StoredCustomField>();
  readonly agents = new Map<string, StoredAgent>();
  readonly visitors = new Map<string, StoredVisitor>();
  readonly rooms = new Map<string, StoredRoom>();
  /** per room, oldest first */
  readonly messages = new Map<string, StoredMessage[]>();
  /** offline messages, kept so tests and the console can see them */
  readonly files = new Map<string, StoredFile>();
  readonly offlineMessages: { name: string; email: string; message: string; department?: string; ts: Date }[] = [];
  readonly bus = new EventEmitter<{ stream: [StreamEvent] }>();

  constructor(settings: Settings) {
    this.settings = settings;
    this.bus.setMaxListeners(0);
  }

  setting<T = unknown>(id: string): T {
    return this.settings[id] as T;
  }

  /** `Livechat_guest_count` is a global, never reused counter (§2.3.7). */
  nextGuestNumber(): number {
    const n = Number(this.settings.Livechat_guest_count ?? 1);
    this.settings.Livechat_guest_count = n + 1;
    return n;
  }

  visitorByToken(token: string): StoredVisitor | undefined {
    for (const v of this.visitors.values()) if (v.token === token) return v;
    return undefined;
  }

  openRoomOf(token: string): StoredRoom | undefined {
    for (const r of this.rooms.values()) if (r.open && r.v.token === token) return r;
    return undefined;
  }

  roomMessages(rid: string): StoredMessage[] {
    let list = this.messages.get(rid);
    if (!list) this.messages.set(rid, (list = []));
    return list;
  }

  emit(stream: string, eventName: string, args: unknown[], origin?: object): void {
    this.bus.emit('stream', { stream, eventName, args, origin });
  }

  /** What sendMessage and updateMessage do (§4.3, §4.5): Rocket.Chat's save hook adds the parse tree, then the save. */
  saveUserMessage(message: StoredMessage): StoredMessage {
    return this.saveMessage(withMarkdown(this.settings, message));
  }

  /** Appends (or replaces by `_id`) and broadcasts on `stream-room-messages` (§4.3 side effects, §6.5); a `_hidden`
   * message is kept but not broadcast (RC's stream watcher skips it) and not counted. */
  saveMessage(message: StoredMessage): StoredMessage {
    const list = this.roomMessages(message.rid);
    const i = list.findIndex((m) => m._id === message._id);
    if (i >= 0) list[i] = message;
    else list.push(message);
    if (message._hidden) return message;
    const room = this.rooms.get(message.rid);
    if (room && i < 0) {
      room.msgs += message.t ? 0 : 1;
      room.lm = message.ts;
      room._updatedAt = new Date();
    }
    this.emit('stream-room-messages', message.rid, [message]);
    return message;
  }

  /** deleteMessage.ts: the message's files go with it, then `<rid>/deleteMessage` (§4.5). */
  deleteMessage(rid: string, _id: string): boolean {
    const list = this.roomMessages(rid);
    const i = list.findIndex((m) => m._id === _id);
    if (i < 0) return false;
    for (const file of list[i].files ?? []) this.files.delete(file._id);
    list.splice(i, 1);
    this.emit('stream-notify-room', `${rid}/deleteMessage`, [{ _id }]);
    return true;
  }

  livechatRoomEvent(rid: string, event: LivechatRoomEvent): void {
    this.emit('stream-livechat-room', rid, [event]);
  }

  /** Message.saveSystemMessage: `fields` are the type's extra data (transferData, navigation, requestData…). It skips the
   * save hooks, so a system message has no `md`. */
  systemMessage(
    room: StoredRoom,
    t: string,
    u: StoredMessage['u'],
    options: { msg?: string; ts?: Date; fields?: Record<string, unknown> } = {},
  ): StoredMessage {
    const now = options.ts ?? new Date();
    return this.saveMessage({
      _id: randomId(),
      rid: room._id,
      msg: options.msg ?? '',
      t,
      groupable: false,
      u,
      ts: now,
      _updatedAt: now,
      urls: [],
      mentions: [],
      channels: [],
      ...options.fields,
    });
  }

  /** Closing emits the `livechat-close` system message the widget treats as "finished" (§4.6, §5.3). */
  closeRoom(room: StoredRoom, closer: 'visitor' | 'user', by: { _id: string; username: string }, comment: string): void {
    delete room.open;
    room.closedAt = new Date();
    room.closer = closer;
    room.closedBy = by;
    room._updatedAt = room.closedAt;
    this.systemMessage(room, 'livechat-close', { _id: by._id, username: by.username }, { msg: comment, ts: room.closedAt }); // one instant for both
  }

  assignAgent(room: StoredRoom, agent: StoredAgent): void {
    room.servedBy = { _id: agent._id, username: agent.username, ts: new Date() };
    room.waitingResponse = false;
    this.livechatRoomEvent(room._id, {
      type: 'agentData',
      data: { _id: agent._id, username: agent.username, name: agent.name, status: agent.status },
    });
  }

  onlineAgents(departmentId?: string): StoredAgent[] {
    return [...this.agents.values()].filter((a) => a.status === 'online' && (!departmentId || a.departments.includes(departmentId)));
  }
}
