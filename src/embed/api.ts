// The host-page API (widget spec §7) with the official widget's names and semantics. Arguments are checked
// here, at the boundary: a bad one gets a console warning and changes nothing.
import { emit, on, warn, type EventName, type Listener } from '../state/events.ts';
import { clearDepartment, registerGuest, setCustomField, setDepartment, setGuest, setGuestToken, type Guest } from '../state/guest.ts';
import { pageVisited } from '../state/pages.ts';
import { hidden, lang, theme, type Theme } from '../state/prefs.ts';
import { closeWidget, openWidget } from '../state/ui.ts';

export type { Guest, Theme };
export interface AgentInfo {
  name?: string;
  username?: string;
  status?: string;
}
type Field = [key: string, value: string, overwrite?: boolean];
export interface InitParams {
  customField?: Field;
  setCustomFields?: Field[];
  theme?: Theme;
  department?: string;
  guestToken?: string;
  guestName?: string;
  guestEmail?: string;
  registerGuest?: Guest;
  language?: string;
}

export interface Methods {
  /** Several settings at once, as the official widget's initialize(). */
  initialize(params: InitParams): void;
  setTheme(theme: Theme): void;
  /** id or name */
  setDepartment(department: string): void;
  clearDepartment(): void;
  setGuestToken(token: string): void;
  setGuestName(name: string): void;
  setGuestEmail(email: string): void;
  /** Registers the visitor now; the pre-chat form is skipped. */
  registerGuest(guest: Guest): void;
  /** Sent with the registration, or at once (`POST livechat/custom.field`) for a registered visitor. */
  setCustomField(key: string, value: string, overwrite?: boolean): void;
  setLanguage(language: string): void;
  showWidget(): void;
  hideWidget(): void;
  maximizeWidget(): void;
  minimizeWidget(): void;
  pageVisited(change?: 'url' | 'title'): void;
  onChatMaximized(fn: () => void): void;
  onChatMinimized(fn: () => void): void;
  onChatStarted(fn: () => void): void;
  onChatEnded(fn: () => void): void;
  onPrechatFormSubmit(fn: (data: { name?: string; email?: string; department?: string }) => void): void;
  onOfflineFormSubmit(fn: (data: { name: string; email: string; department?: string; message: string }) => void): void;
  onWidgetShown(fn: () => void): void;
  onWidgetHidden(fn: () => void): void;
  onAssignAgent(fn: (agent: AgentInfo) => void): void;
  onAgentStatusChange(fn: (agent: AgentInfo) => void): void;
  onServiceOffline(fn: () => void): void;
}

// The official callback names; the events carry the same names without "on".
const CALLBACKS = 'ChatMaximized ChatMinimized ChatStarted ChatEnded PrechatFormSubmit OfflineFormSubmit WidgetShown WidgetHidden AssignAgent AgentStatusChange ServiceOffline';

const text = (v: unknown): v is string => typeof v == 'string' && !!v.trim();
const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object';
const isEmail = (v: unknown) => text(v) && /^[^\s@]+@[^\s@]+$/.test(v);
const any = () => true;
/** Spreading a non-array would throw; as a list, a bad argument reaches the check and its warning. */
const list = (v: unknown) => ([] as any[]).concat(v) as Field;

const goodTheme = (t: Theme) =>
  isObj(t) && [t.color, t.offlineColor].every((c) => !c || CSS.supports('color', c)) && (!t.position || /^(left|right)$/.test(t.position));

const show = (on: boolean) => {
  hidden.value = !on;
  emit(on ? 'WidgetShown' : 'WidgetHidden');
};

type Fn = (...a: any[]) => unknown;
/** Each method's argument check and action. */
const table: Record<string, [ok: Fn, run: Fn]> = {
  initialize: [
    isObj,
    (p: InitParams) => {
      for (const [k, v] of Object.entries(p)) {
        // The official keys are the setter's name without "set" (registerGuest keeps its own); agent,
        // businessUnit and parentUrl are unsupported there too.
        const m = k == 'registerGuest' ? k : 'set' + k.replace(/./, (c) => c.toUpperCase());
        if (k == 'customField' || k == 'setCustomFields') list(k == 'customField' ? [v] : v).forEach((f) => methods.setCustomField(...list(f)));
        else if (v != null) m in methods ? (methods as any)[m](v) : warn(`initialize: ${k} is not supported`);
      }
    },
  ],
  setTheme: [goodTheme, (t: Theme) => (theme.value = { ...theme.value, ...t })],
  setDepartment: [text, setDepartment],
  clearDepartment: [any, clearDepartment],
  setGuestToken: [text, setGuestToken],
  setGuestName: [text, (name: string) => setGuest({ name })],
  setGuestEmail: [isEmail, (email: string) => setGuest({ email })],
  registerGuest: [(g: Guest) => isObj(g) && (!g.email || isEmail(g.email)) && (!g.token || text(g.token)), registerGuest],
  setCustomField: [
    (k: string, v: string, o?: boolean) => text(k) && typeof v == 'string' && (o == null || typeof o == 'boolean'),
    (k: string, v: string, o?: boolean) => setCustomField(k, v, o ?? true),
  ],
  setLanguage: [text, (l: string) => (lang.value = l)],
  showWidget: [any, () => show(true)],
  hideWidget: [any, () => show(false)],
  maximizeWidget: [any, openWidget],
  minimizeWidget: [any, closeWidget],
  pageVisited: [any, pageVisited],
};
for (const e of CALLBACKS.split(' ')) table['on' + e] = [(f) => typeof f == 'function', (f: Listener) => on(e as EventName, f)];

/** A refused argument gets a warning naming the method, never the value: it may be the token. */
export const methods = Object.fromEntries(
  Object.entries(table).map(([m, [ok, run]]) => [m, (...a: unknown[]) => void (ok(...a) ? run(...a) : warn(m + ': invalid argument'))]),
) as unknown as Methods;
