// Host-page callbacks (widget spec §7) under the official widget's event names, so host-api can map
// onChatStarted & co. one to one. A throwing host callback must not break the widget.
export type EventName =
  | 'chat-maximized'
  | 'chat-minimized'
  | 'chat-started'
  | 'chat-ended'
  | 'pre-chat-form-submit'
  | 'offline-form-submit'
  | 'show-widget'
  | 'hide-widget'
  | 'assign-agent'
  | 'agent-status-change'
  | 'no-agent-online';

export type Listener = (payload?: unknown) => void;

let subs: Partial<Record<EventName, Listener[]>> = {};

export const on = (name: EventName, fn: Listener) => void (subs[name] ??= []).push(fn);

export const clearEvents = () => void (subs = {});

export function emit(name: EventName, payload?: unknown) {
  for (const fn of subs[name] ?? [])
    try {
      fn(payload);
    } catch (e) {
      console.error(e);
    }
}

/** The one voice the widget uses on the host page's console: invalid API arguments and rejected calls. */
export const warn = (m: string) => console.warn('RocketChat livechat: ' + m);
