// The livechat room subscriptions (§6.4) and the visitor's typing signal (§6.6) for one open room.
import { STREAM_LIVECHAT_ROOM, STREAM_NOTIFY_ROOM, STREAM_ROOM_MESSAGES } from './contract.ts';
import type { LivechatRoomEvent, Message, StreamTokenArg } from './contract.ts';
import type { Ddp } from './ddp.ts';
import { isLivechatEvent, isMessage, isObj } from './shapes.ts';

export interface RoomHandlers {
  onMessage?(m: Message<Date | string>): void;
  onTyping?(username: string, typing: boolean): void;
  onDelete?(_id: string): void;
  onLivechatEvent?(e: LivechatRoomEvent): void;
}

export interface RoomStream {
  /** Call with `on` true on every keystroke, false once the message is sent or the input is cleared. */
  typing(username: string, on: boolean): void;
  close(): void;
}

/** The official widget's pace (§6.6): one "typing" per 4.5 s, "stopped" after 5 s without keystrokes. */
const REPEAT_MS = 4500;
const IDLE_MS = 5000;

export function roomStream(ddp: Ddp, rid: string, token: string, h: RoomHandlers): RoomStream {
  // Both keys with the same value: the server checks `visitorToken` on some streams and `token` on others (§6.4).
  const arg: StreamTokenArg = { token, visitorToken: token };
  const activity = rid + '/user-activity';
  const ids: string[] = [];
  const sub = (name: string, key: string, fn: (args: unknown[]) => void) => ids.push(ddp.subscribe(name, [key, arg], fn));
  // Events of an unexpected shape are left out: the widget reads their fields.
  sub(STREAM_ROOM_MESSAGES, rid, ([m]) => {
    if (isMessage(m)) h.onMessage?.(m);
  });
  sub(STREAM_NOTIFY_ROOM, activity, ([username, activities]) => {
    if (typeof username == 'string') h.onTyping?.(username, Array.isArray(activities) && activities.includes('user-typing'));
  });
  sub(STREAM_NOTIFY_ROOM, rid + '/deleteMessage', ([m]) => {
    if (isObj(m) && typeof m._id == 'string') h.onDelete?.(m._id);
  });
  // One subscription carries agentData, agentStatus, queueData and visitorData alike (§6.5).
  sub(STREAM_LIVECHAT_ROOM, rid, ([e]) => {
    if (isLivechatEvent(e)) h.onLivechatEvent?.(e);
  });

  let last = 0; // when "typing" was last sent; 0 while not typing
  let idle: ReturnType<typeof setTimeout> | undefined;
  // Best effort (ddp.call): a lost signal only means a stale indicator for a few seconds.
  const signal = (username: string, on: boolean) => ddp.call(STREAM_NOTIFY_ROOM, [activity, username, on ? ['user-typing'] : [], { token }]);

  const typing = (username: string, on: boolean) => {
    clearTimeout(idle);
    if (!on) {
      if (last) signal(username, false);
      last = 0;
      return;
    }
    if (Date.now() - last >= REPEAT_MS) {
      signal(username, true);
      last = Date.now();
    }
    idle = setTimeout(typing, IDLE_MS, username, false);
  };

  return {
    typing,
    close() {
      clearTimeout(idle);
      ids.forEach(ddp.unsubscribe);
    },
  };
}
