// The realtime side of an open room (widget spec §5): one tab of the site (the Web Lock leader) holds the DDP
// socket and relays what it hears to the others; every tab applies the same events to its own state.
import { batch, effect } from '@preact/signals';
import type { LivechatRoomEvent, Message } from '../api/contract.ts';
import { createDdp, type Ddp, type DdpState } from '../api/ddp.ts';
import { roomStream, type RoomStream } from '../api/room-stream.ts';
import { createTabs } from '../platform/tabs.ts';
import { agent, loadAgent, onLivechatEvent, serving } from './agent.ts';
import { refreshHistory } from './history.ts';
import { messages, removeMessage, upsertMessages } from './messages.ts';
import { options } from './options.ts';
import { closed, openRoom, room } from './room.ts';
import { confirmSent, hearOutbox, leadOutbox, socketBack, startOutbox, type OutboxNews } from './send.ts';
import { later, onSessionEnd, resettable } from './session.ts';
import { isOpen, unread } from './ui.ts';
import { currentToken, knownVisitor, loadToken, visitor, visitorId } from './visitor.ts';

/** What the visitor is told about the socket (widget spec §5); 'idle' = nothing to say. */
export type Connection = { state: 'idle' } | { state: 'connecting' } | { state: 'offline' } | { state: 'back' };

/** What one tab tells the others. The token is never among it (widget spec §9): a tab that hears of a
 * registration reads the token from storage. */
export type TabEvent =
  | { type: 'message'; message: Message<Date | string> }
  | { type: 'delete'; _id: string }
  | { type: 'typing'; username: string; on: boolean }
  | { type: 'livechat'; event: LivechatRoomEvent }
  | { type: 'connection'; connection: Connection }
  /** the room's subscriptions are ready, after opening or reconnecting: fetch what came before (widget spec §5) */
  | { type: 'subscribed' }
  | { type: 'room'; rid: string }
  | { type: 'visitor'; _id: string; username: string }
  /** the visitor typing in a tab without the socket: the leader sends it (§6.6) */
  | { type: 'typing-out'; on: boolean }
  | OutboxNews;

export const connection = resettable<Connection>({ state: 'idle' });
/** Display name of the agent typing right now, '' when nobody is (§6.6). */
export const agentTyping = resettable('');

/** "Connected again" shows this long before the status line clears. */
const BACK_MS = 3e3;

const username = () => visitor.peek()?.username ?? '';

/** Applies a stream event (from this tab's socket or relayed by the leader) to this tab's state. */
function apply(e: TabEvent) {
  switch (e.type) {
    case 'message': {
      const m = e.message;
      confirmSent(m._id);
      batch(() => {
        if (m.u.username != username()) {
          agentTyping.value = '';
          // The launcher's badge (widget spec §2): new agent messages while the panel is closed.
          if (!m.t && !isOpen.peek() && !messages.peek().some((x) => x._id == m._id)) unread.value++;
        }
        upsertMessages([m]);
      });
      break;
    }
    case 'delete':
      removeMessage(e._id);
      break;
    case 'typing':
      if (e.username != username()) agentTyping.value = e.on ? (agent.value?.username == e.username && agent.value.name) || e.username : '';
      break;
    case 'livechat':
      onLivechatEvent(e.event);
      break;
    case 'connection':
      connection.value = e.connection;
      break;
    case 'subscribed':
      // An answer or an assignment between the room's opening (or the socket's drop) and now came on no stream.
      void refreshHistory();
      if (room.peek() && serving.peek().state != 'agent') void loadAgent(room.peek());
  }
}

interface Realtime {
  typing(on: boolean): void;
}
/** This session's realtime side, from start-up (startRealtime) to remove(). */
let realtime: Realtime | undefined;

/** The visitor's own typing, from whichever tab they type in. */
export const visitorTyping = (on: boolean) => realtime?.typing(on);

export function startRealtime() {
  if (realtime) return;
  let leader = false;
  let ddp: Ddp | undefined;
  /** the socket is connected: messages go over it (send.ts) */
  let connected = false;
  let stream: RoomStream | undefined;
  let streamRid = '';
  /** the socket was up once, so a drop is "offline" (not "connecting") and its return is "back" */
  let wasUp = false;
  /** set while another tab's news is applied, so it is not announced back */
  let remote = false;
  /** another tab's events, applied one at a time in the order they came */
  let inbox = Promise.resolve();
  const tabs = createTabs<TabEvent>('rc-livechat ' + options.peek().server, {
    onEvent(e) {
      inbox = inbox.then(() => hear(e));
    },
    onLeader() {
      leader = true;
      syncSocket();
      void leadOutbox();
    },
  });
  startOutbox({
    relay: (message) => post({ type: 'message', message }),
    tell: post,
    socket: () => (connected ? ddp : undefined),
  });

  /** Visitor messages carry the visitor's token (§4.3); it must not travel to another window (widget spec §9). */
  function post(e: TabEvent) {
    tabs.post(e.type == 'message' ? { type: 'message', message: { ...e.message, token: undefined } } : e);
  }

  /** The leader applies what the socket says and passes it on. */
  function relay(e: TabEvent) {
    apply(e);
    post(e);
  }

  async function hear(e: TabEvent) {
    if (e.type == 'typing-out') {
      if (leader) stream?.typing(username(), e.on);
      return;
    }
    if (e.type == 'outbox' || e.type == 'queued') return hearOutbox(e);
    if (e.type == 'visitor') await loadToken(); // the other tab stored it before registering
    // Only the synchronous part: what it sets must not be announced back.
    remote = true;
    try {
      if (e.type == 'visitor') knownVisitor(e);
      else if (e.type == 'room') {
        if (e.rid != room.value) {
          openRoom(e.rid);
          void loadAgent(e.rid);
        }
      } else apply(e);
    } finally {
      remote = false;
    }
  }

  function onSocket(state: DdpState) {
    const next: Connection = { state: state == 'connected' ? (wasUp ? 'back' : 'idle') : wasUp ? 'offline' : 'connecting' };
    if (state == 'connected') wasUp = true;
    connected = state == 'connected';
    relay({ type: 'connection', connection: next });
    if (connected) socketBack();
    if (next.state == 'back')
      later(BACK_MS, () => {
        if (connection.peek().state == 'back') relay({ type: 'connection', connection: { state: 'idle' } });
      });
  }

  function closeSocket() {
    stream?.close();
    ddp?.close();
    ddp = undefined;
    stream = undefined;
    streamRid = '';
    wasUp = false;
    connected = false;
  }

  /** The socket exists only while this tab leads and a room is open (widget spec §5: none before a chat). */
  function syncSocket() {
    const rid = room.value;
    const done = closed.value; // read before any return, so the effect always tracks both
    if (!leader || done || !rid) {
      closeSocket();
      return;
    }
    if (rid == streamRid) return;
    stream?.close();
    ddp ??= createDdp(options.peek().server, { onState: onSocket, onReady: () => relay({ type: 'subscribed' }) });
    ddp.open();
    streamRid = rid;
    stream = roomStream(ddp, rid, currentToken(), {
      onMessage: (message) => relay({ type: 'message', message }),
      onDelete: (_id) => relay({ type: 'delete', _id }),
      onTyping: (who, on) => relay({ type: 'typing', username: who, on }),
      onLivechatEvent: (event) => relay({ type: 'livechat', event }),
    });
  }

  const stops = [
    effect(syncSocket),
    effect(() => {
      const rid = room.value;
      // a finished room shown again after a reload is no news for the other tabs
      if (rid && !closed.value && !remote) tabs.post({ type: 'room', rid });
    }),
    effect(() => {
      const _id = visitorId.value;
      if (_id && !remote) tabs.post({ type: 'visitor', _id, username: username() });
    }),
  ];
  realtime = {
    typing(on) {
      if (leader) stream?.typing(username(), on);
      else tabs.post({ type: 'typing-out', on });
    },
  };
  onSessionEnd(() => {
    stops.forEach((stop) => stop());
    closeSocket();
    tabs.close();
    realtime = undefined;
  });
}
