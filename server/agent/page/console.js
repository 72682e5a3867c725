// Agent console: renders the console API and follows /agent/api/events (no polling).
'use strict';
const $ = (id) => document.getElementById(id);
const state = { agents: [], rooms: { waiting: [], open: [], closed: [] }, rid: null, messages: [], typingTimer: 0, typing: false, editing: null };

/** JSON in and out; a FormData body goes as multipart. */
async function api(path, method = 'GET', body) {
  const form = body instanceof FormData;
  const res = await fetch('/agent/api' + path, {
    method,
    headers: body && !form ? { 'content-type': 'application/json' } : {},
    body: body && !form ? JSON.stringify(body) : body,
  });
  const json = await res.json();
  $('error').textContent = res.ok ? '' : 'Failed: ' + json.error;
  return res.ok ? json : null;
}

const currentRoom = () => [...state.rooms.waiting, ...state.rooms.open, ...state.rooms.closed].find((r) => r._id === state.rid);
const agentId = () => $('agent').value;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
}

function renderLists() {
  for (const group of ['waiting', 'open', 'closed']) {
    const items = state.rooms[group].map((r) => {
      const who = r.visitor.name || r.visitor.username;
      const button = el(
        'button',
        { type: 'button', 'aria-current': String(r._id === state.rid) },
        who,
        el('small', {}, [r.department, r.servedBy && 'with ' + r.servedBy.username].filter(Boolean).join(' · ') || r.visitor.username),
      );
      button.addEventListener('click', () => selectRoom(r._id));
      return el('li', {}, button);
    });
    $('list-' + group).replaceChildren(...(items.length ? items : [el('li', {}, el('small', {}, 'None'))]));
  }
}

function renderRoom() {
  const room = currentRoom();
  $('room').hidden = !room;
  $('empty').hidden = !!room;
  if (!room) return;
  const v = room.visitor;
  $('room-title').textContent = (v.name || v.username) + ' — ' + room.state;
  const rows = [
    ['Name', v.name],
    ['Username', v.username],
    ['Email', v.email],
    ['Phone', v.phone],
    ['Department', room.department || v.department],
    ['Agent', room.servedBy && room.servedBy.username],
    ...room.customFields.map((f) => [f.label, f.value]),
  ];
  $('visitor').replaceChildren(...rows.filter(([, value]) => value).flatMap(([k, value]) => [el('dt', {}, k), el('dd', {}, String(value))]));
  $('take').hidden = room.state !== 'waiting' && !(room.state === 'open' && room.servedBy._id !== agentId());
  $('close').disabled = room.state === 'closed';
  for (const control of [$('reply'), $('composer').querySelector('button'), ...$('file-form').querySelectorAll('input, button')]) {
    control.disabled = room.state !== 'open';
  }
  renderMessages();
}

/** A system message in words; the raw type is never shown, and a few kinds are not shown at all. */
function systemText(m) {
  switch (m.t) {
    case 'livechat-started':
      return 'Conversation started';
    case 'livechat-close':
      return m.msg ? 'Conversation closed: ' + m.msg : 'Conversation closed';
    case 'livechat_transfer_history': {
      const next = m.transferData && m.transferData.nextDepartment;
      return next ? 'Moved to the ' + next.name + ' department' : 'Conversation transferred';
    }
    case 'livechat_navigation_history':
      return 'Visited ' + m.msg;
    case 'livechat_transcript_history':
      return 'Transcript requested';
    case 'livechat_webrtc_video_call':
    case 'livechat_video_call':
      return 'Video call';
    case 'uj':
      return m.u.username + ' joined';
    case 'ul':
      return m.u.username + ' left';
    case 'command':
      return null;
    default:
      return 'System event';
  }
}

/** A message's file, opened through the console's own file route; an image shows as a thumbnail. */
function attachmentView(m) {
  const attachment = (m.attachments || [])[0];
  if (!m.file || !attachment) return undefined;
  const href = '/agent/api/files/' + encodeURIComponent(m.file._id);
  const label = attachment.image_url ? el('img', { src: href, alt: attachment.title }) : attachment.title;
  return el(
    'span',
    { class: 'attachment' },
    el('a', { href, target: '_blank', rel: 'noopener' }, label),
    attachment.description ? el('span', { class: 'description' }, attachment.description) : undefined,
  );
}

function editForm(m) {
  const input = el('input', { type: 'text', value: m.msg, 'aria-label': 'Edited message' });
  const cancel = el('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => {
    state.editing = null;
    renderMessages();
  });
  const form = el('form', { class: 'edit' }, input, el('button', { type: 'submit' }, 'Save'), cancel);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const json = await api(`/rooms/${state.rid}/messages/${m._id}`, 'PUT', { msg: input.value });
    if (!json) return;
    state.editing = null;
    upsertMessage(json.message);
  });
  return form;
}

function messageButton(label, name, onClick) {
  const button = el('button', { type: 'button', 'aria-label': name }, label);
  button.addEventListener('click', onClick);
  return button;
}

function renderMessages() {
  const agentIds = new Set(state.agents.map((a) => a._id));
  const shown = state.messages.filter((m) => !m.t || systemText(m) !== null);
  const items = shown.map((m) => {
    if (m.t)
      return el(
        'li',
        { class: 'system' },
        el('span', { class: 'text' }, systemText(m)),
        el('time', { datetime: m.ts }, new Date(m.ts).toLocaleTimeString()),
      );
    const who = el('span', { class: 'who' }, (m.alias || m.u.name || m.u.username) + ':');
    const body =
      state.editing === m._id
        ? editForm(m)
        : el('span', { class: 'text' }, m.msg, attachmentView(m), m.editedAt ? el('small', { class: 'edited' }, ' (edited)') : undefined);
    const name = m.msg || (m.file && m.file.name) || '';
    const edit =
      agentIds.has(m.u._id) && state.editing !== m._id
        ? messageButton('Edit', 'Edit message: ' + name, () => {
            state.editing = m._id;
            renderMessages();
          })
        : undefined;
    const del = messageButton('Delete', 'Delete message: ' + name, () => api(`/rooms/${state.rid}/messages/${m._id}`, 'DELETE'));
    return el('li', {}, who, body, el('time', { datetime: m.ts }, new Date(m.ts).toLocaleTimeString()), edit, del);
  });
  $('message-list').replaceChildren(...items);
  $('messages').scrollTop = $('messages').scrollHeight;
}

/** Messages are kept by `_id`: an edit replaces, a new one is appended — whether it comes from an answer or the feed. */
function upsertMessage(message) {
  const i = state.messages.findIndex((m) => m._id === message._id);
  if (i >= 0) state.messages[i] = message;
  else state.messages.push(message);
  renderMessages();
}

async function refreshRooms() {
  const rooms = await api('/rooms');
  if (rooms) state.rooms = rooms;
  renderLists();
  renderRoom();
}

async function selectRoom(rid) {
  state.rid = rid;
  state.editing = null;
  $('typing').textContent = '';
  const json = await api(`/rooms/${rid}/messages`);
  state.messages = json ? json.messages : [];
  renderLists();
  renderRoom();
}

let refreshQueued = 0;
function onEvent({ stream, eventName, args }) {
  if (stream === 'stream-room-messages' && eventName === state.rid) {
    if (args[0].u.username === (currentRoom() || { visitor: {} }).visitor.username) $('typing').textContent = '';
    upsertMessage(args[0]);
  } else if (eventName === state.rid + '/deleteMessage') {
    state.messages = state.messages.filter((m) => m._id !== args[0]._id);
    renderMessages();
  } else if (eventName === state.rid + '/user-activity') {
    const room = currentRoom();
    if (room && (!room.servedBy || args[0] !== room.servedBy.username)) {
      const who = args[0] === room.visitor.username ? room.visitor.name || args[0] : args[0];
      $('typing').textContent = args[1].includes('user-typing') ? who + ' is typing…' : '';
    }
    return;
  }
  // Room lists change on new rooms, takes and closes; one refresh per burst of events.
  clearTimeout(refreshQueued);
  refreshQueued = setTimeout(refreshRooms, 50);
}

function setTyping(typing) {
  if (state.typing === typing || !currentRoom() || currentRoom().state !== 'open') return;
  state.typing = typing;
  api(`/rooms/${state.rid}/typing`, 'POST', { typing });
}

$('reply').addEventListener('input', () => {
  setTyping(true);
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(() => setTyping(false), 3000);
});
$('reply').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    $('composer').requestSubmit();
  }
});
$('composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const msg = $('reply').value.trim();
  if (!msg) return;
  clearTimeout(state.typingTimer);
  setTyping(false);
  const json = await api(`/rooms/${state.rid}/messages`, 'POST', { msg });
  if (!json) return;
  $('reply').value = '';
  upsertMessage(json.message);
});
$('file-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = $('file').files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file, file.name);
  if ($('file-description').value.trim()) form.append('description', $('file-description').value.trim());
  const json = await api(`/rooms/${state.rid}/files`, 'POST', form);
  if (!json) return;
  $('file-form').reset();
  upsertMessage(json.message);
});
$('take').addEventListener('click', () => api(`/rooms/${state.rid}/take`, 'POST', { agentId: agentId() }));
$('close').addEventListener('click', () => api(`/rooms/${state.rid}/close`, 'POST', { agentId: agentId() }));
$('agent').addEventListener('change', () => {
  const agent = state.agents.find((a) => a._id === agentId());
  if (agent) $('status').value = agent.status;
  renderRoom();
});
$('status').addEventListener('change', async () => {
  const json = await api(`/agents/${agentId()}/status`, 'POST', { status: $('status').value });
  if (json)
    Object.assign(
      state.agents.find((a) => a._id === json.agent._id),
      json.agent,
    );
});

async function start() {
  const json = await api('/agents');
  state.agents = json ? json.agents : [];
  $('agent').replaceChildren(...state.agents.map((a) => el('option', { value: a._id }, `${a.name} (${a.username})`)));
  if (state.agents[0]) $('status').value = state.agents[0].status;
  await refreshRooms();
  const events = new EventSource('/agent/api/events');
  events.onopen = () => {
    $('live').textContent = 'Live';
    refreshRooms();
  };
  events.onerror = () => {
    $('live').textContent = 'Reconnecting…';
  };
  events.onmessage = (e) => onEvent(JSON.parse(e.data));
}
start();
