// Host-page callbacks (widget spec §7): an event `X` goes to the host's `onX` callbacks (the official names), with
// the official widget's payloads. A throwing host callback must not break the widget.

export interface AgentInfo {
  name?: string;
  username?: string;
  status?: string;
}

/** Each event's payload; `void` for none. */
export interface Events {
  ChatMaximized: void;
  ChatMinimized: void;
  ChatStarted: void;
  ChatEnded: void;
  PrechatFormSubmit: { name?: string; email?: string; department?: string };
  OfflineFormSubmit: { name: string; email: string; department?: string; message: string };
  WidgetShown: void;
  WidgetHidden: void;
  AssignAgent: AgentInfo;
  AgentStatusChange: AgentInfo;
  ServiceOffline: void;
}
export type EventName = keyof Events;
/** The arguments of an event's callbacks: none for a `void` event. */
type Payload<E extends EventName> = Events[E] extends void ? [] : [payload: Events[E]];
export type Listener<E extends EventName> = (...payload: Payload<E>) => void;

type Listeners = { [E in EventName]?: Listener<E>[] };
let listeners: Listeners = {};

function listenersOf<E extends EventName>(name: E): Listener<E>[] {
  return (listeners[name] ??= []);
}

export function on<E extends EventName>(name: E, fn: Listener<E>) {
  listenersOf(name).push(fn);
}

export function clearEvents() {
  listeners = {};
}

export function emit<E extends EventName>(name: E, ...payload: Payload<E>) {
  for (const fn of listenersOf(name))
    try {
      fn(...payload);
    } catch (e) {
      console.error(e);
    }
}

/** The one voice the widget uses on the host page's console: invalid API arguments and rejected calls. */
export const warn = (message: string) => console.warn('RocketChat livechat: ' + message);
