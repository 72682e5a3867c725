// Host-page callbacks (widget spec §7): an event `X` goes to the host's `onX` callbacks (the official names).
// A throwing host callback must not break the widget.
export type EventName =
  | 'ChatMaximized'
  | 'ChatMinimized'
  | 'ChatStarted'
  | 'ChatEnded'
  | 'PrechatFormSubmit'
  | 'OfflineFormSubmit'
  | 'WidgetShown'
  | 'WidgetHidden'
  | 'AssignAgent'
  | 'AgentStatusChange'
  | 'ServiceOffline';

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
