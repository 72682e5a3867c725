// The realtime side of an open room (widget spec §5): one tab of the site (the Web Lock leader) holds the DDP
// socket and relays what it hears to the others; every tab applies the same events to its own state.
import { effect } from './signals.ts';
import { createDdp, type Ddp } from '../api/ddp.ts';
import { roomStream, type RoomStream } from '../api/room-stream.ts';
import { agent, loadAgent, onLivechatEvent } from './agent.ts';
import { closed, messages, removeMessage, upsertMessages } from './messages.ts';
import { loadHistory, openRoom, refreshHistory, room } from './room.ts';
import { confirmSent, resumeOutbox, startOutbox } from './send.ts';
import { later, resettable, session } from './session.ts';
import { createTabs, type Connection, type TabEvent, type Tabs } from './tabs.ts';
import { isOpen, unread } from './ui.ts';
import { currentToken, knownVisitor, loadToken, username, visitorId } from './visitor.ts';

export const connection = resettable<Connection>({ state: 'idle' });
/** Display name of the agent typing right now, '' when nobody is (§6.6). */
export const agentTyping = resettable('');

let tabs: Tabs<TabEvent> | undefined;
let leader = false;
let ddp: Ddp | undefined;
let stream: RoomStream | undefined;
let streamRid = '';
let wasUp = false;
/** Set while another tab's news is applied, so it is not announced back. */
let remote = false;
let inbox = Promise.resolve();

function apply(e: TabEvent) {
  switch (e.t) {
    case 'message': {
      const m = e.message;
      confirmSent(m._id);
      if (m.u.username != username) {
        agentTyping.value = '';
        // The launcher's badge (widget spec §2): new agent messages while the panel is closed.
        if (!m.t && !isOpen.peek() && !messages.peek().some((x) => x._id == m._id)) unread.value++;
      }
      upsertMessages([m]);
      break;
    }
    case 'delete':
      removeMessage(e._id);
      break;
    case 'typing':
      if (e.username != username) agentTyping.value = e.on ? (agent.value?.username == e.username && agent.value.name) || e.username : '';
      break;
    case 'livechat':
      onLivechatEvent(e.event);
      break;
    case 'connection':
      connection.value = { state: e.state };
      // Whatever arrived while the socket was down is in the newest page of history (widget spec §5).
      if (e.state == 'back') void refreshHistory();
  }
}

/** Visitor messages carry the visitor's token (§4.3); it must not travel to another window (widget spec §9). */
const post = (e: TabEvent) => tabs?.post(e.t == 'message' ? { t: 'message', message: { ...e.message, token: undefined } } : e);

/** The leader applies what the socket says and passes it on. */
function relay(e: TabEvent) {
  apply(e);
  post(e);
}

async function hear(e: TabEvent) {
  if (e.t == 'typing-out') return void (leader && stream?.typing(username, e.on));
  if (e.t == 'visitor') await loadToken(); // the other tab stored it before registering
  // Only the synchronous part: what it sets must not be announced back.
  remote = true;
  try {
    if (e.t == 'visitor') knownVisitor(e);
    else if (e.t == 'room') {
      if (e.rid == room.value) return;
      openRoom(e.rid);
      void loadHistory();
      void loadAgent(e.rid);
    } else apply(e);
  } finally {
    remote = false;
  }
}

function setState(s: 'connecting' | 'connected' | 'offline') {
  const c: Connection['state'] = s == 'connected' ? (wasUp ? 'back' : 'idle') : wasUp ? 'offline' : 'connecting';
  wasUp ||= s == 'connected';
  relay({ t: 'connection', state: c });
  if (c == 'back') later(3e3, () => connection.value.state == 'back' && relay({ t: 'connection', state: 'idle' }));
}

function closeSocket() {
  stream?.close();
  ddp?.close();
  ddp = stream = undefined;
  streamRid = '';
  wasUp = false;
}

/** The socket exists only while this tab leads and a room is open (widget spec §5: none before a chat). */
function syncSocket() {
  const rid = room.value;
  const done = closed.value; // read before any return, so the effect always tracks both
  if (!leader || done || !rid) return closeSocket();
  if (rid == streamRid) return;
  stream?.close();
  ddp ??= createDdp(session.opts.server, { onState: setState });
  ddp.open();
  streamRid = rid;
  stream = roomStream(ddp, rid, currentToken(), {
    onMessage: (message) => relay({ t: 'message', message }),
    onDelete: (_id) => relay({ t: 'delete', _id }),
    onTyping: (u, on) => relay({ t: 'typing', username: u, on }),
    onLivechatEvent: (event) => relay({ t: 'livechat', event }),
  });
}

/** The visitor's own typing, from whichever tab they type in. */
export function visitorTyping(on: boolean) {
  if (leader) stream?.typing(username, on);
  else tabs?.post({ t: 'typing-out', on });
}

export function startRealtime() {
  if (tabs) return;
  startOutbox((message) => post({ t: 'message', message }));
  const t = (tabs = createTabs<TabEvent>('rc-livechat ' + session.opts.server, {
    onEvent: (e) => void (inbox = inbox.then(() => hear(e))),
    onLeader() {
      leader = true;
      syncSocket();
      void resumeOutbox();
    },
  }));
  const stops = [
    effect(syncSocket),
    effect(() => {
      const rid = room.value;
      if (rid && !remote) t.post({ t: 'room', rid });
    }),
    effect(() => {
      const _id = visitorId.value;
      if (_id && !remote) t.post({ t: 'visitor', _id, username });
    }),
  ];
  session.abort.signal.addEventListener('abort', () => {
    stops.forEach((s) => s());
    closeSocket();
    t.close();
    tabs = undefined;
    leader = false;
  });
}
