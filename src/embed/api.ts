// The host-page API (widget spec §7) with the official widget's names and semantics. Arguments are checked
// here, at the boundary: a bad one gets a console warning and changes nothing.
import type { CustomFieldValue } from '../api/contract.ts';
import { emit, on, warn, type AgentInfo, type EventName, type Listener } from '../state/events.ts';
import { clearDepartment, registerGuest, setCustomField, setDepartment, setGuest, setGuestToken, type Guest } from '../state/guest.ts';
import { pageVisited } from '../state/pages.ts';
import { hidden, lang, theme, type Theme } from '../state/prefs.ts';
import { closeWidget, openWidget } from '../state/ui.ts';

export type { AgentInfo, Guest, Theme };
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
  onChatMaximized(fn: Listener<'ChatMaximized'>): void;
  onChatMinimized(fn: Listener<'ChatMinimized'>): void;
  onChatStarted(fn: Listener<'ChatStarted'>): void;
  onChatEnded(fn: Listener<'ChatEnded'>): void;
  onPrechatFormSubmit(fn: Listener<'PrechatFormSubmit'>): void;
  onOfflineFormSubmit(fn: Listener<'OfflineFormSubmit'>): void;
  onWidgetShown(fn: Listener<'WidgetShown'>): void;
  onWidgetHidden(fn: Listener<'WidgetHidden'>): void;
  onAssignAgent(fn: Listener<'AssignAgent'>): void;
  onAgentStatusChange(fn: Listener<'AgentStatusChange'>): void;
  onServiceOffline(fn: Listener<'ServiceOffline'>): void;
}

/** A method as the host page may call it: with anything, checked before it runs. */
type Checked = (...args: unknown[]) => void;

/** Says whether the arguments are the ones `run` takes. */
type Valid<A extends unknown[]> = (args: unknown[]) => args is A;

const checked =
  <A extends unknown[]>(name: string, valid: Valid<A>, run: (...args: A) => unknown): Checked =>
  (...args) => {
    // A refused argument gets a warning naming the method, never the value: it may be the token.
    if (valid(args)) void run(...args);
    else warn(name + ': invalid argument');
  };

const isText = (v: unknown): v is string => typeof v == 'string' && !!v.trim();
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v == 'object';
const isEmail = (v: unknown): v is string => isText(v) && /^[^\s@]+@[^\s@]+$/.test(v);
const isTheme = (t: unknown): t is Theme =>
  isObject(t) &&
  [t.color, t.offlineColor].every((c) => !c || (typeof c == 'string' && CSS.supports('color', c))) &&
  (!t.position || t.position == 'left' || t.position == 'right');
const isGuest = (g: unknown): g is Guest => isObject(g) && (!g.email || isEmail(g.email)) && (!g.token || isText(g.token));

/** One argument passing `test`. */
const one =
  <T>(test: (v: unknown) => v is T): Valid<[T]> =>
  (args): args is [T] =>
    test(args[0]);
/** Methods without arguments ignore whatever they are given, as the official widget's do. */
const ignoringArguments =
  (run: () => unknown): Checked =>
  () =>
    void run();

const isField = (args: unknown[]): args is Field => isText(args[0]) && typeof args[1] == 'string' && (args[2] == null || typeof args[2] == 'boolean');
const isChange = (args: unknown[]): args is [change?: 'url' | 'title'] => args[0] == null || args[0] == 'url' || args[0] == 'title';

function show(shown: boolean) {
  hidden.value = !shown;
  if (shown) emit('WidgetShown');
  else emit('WidgetHidden');
}

const callback = <E extends EventName>(event: E) =>
  checked(
    'on' + event,
    one((fn): fn is Listener<E> => typeof fn == 'function'),
    (fn) => on(event, fn),
  );

const customField = ([key, value, overwrite]: Field): CustomFieldValue => ({ key, value, overwrite: overwrite ?? true });

/** `customField` / `setCustomFields` may hold anything: as a list, a bad entry reaches setCustomField's check. */
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** initialize()'s keys are the setter's name without "set" (registerGuest keeps its own); agent, businessUnit and
 * parentUrl are unsupported there too. */
function initialize(params: InitParams) {
  for (const [key, value] of Object.entries(params)) {
    if (value == null) continue;
    if (key == 'customField') checkedMethods.setCustomField(...list(value));
    else if (key == 'setCustomFields') for (const field of list(value)) checkedMethods.setCustomField(...list(field));
    else {
      const name = key == 'registerGuest' ? key : 'set' + key[0]!.toUpperCase() + key.slice(1);
      if (isMethod(name)) checkedMethods[name](value);
      else warn(`initialize: ${key} is not supported`);
    }
  }
}

const checkedMethods = {
  initialize: checked('initialize', one(isObject), initialize),
  setTheme: checked('setTheme', one(isTheme), (t) => {
    theme.value = { ...theme.value, ...t };
  }),
  setDepartment: checked('setDepartment', one(isText), setDepartment),
  clearDepartment: ignoringArguments(clearDepartment),
  setGuestToken: checked('setGuestToken', one(isText), setGuestToken),
  setGuestName: checked('setGuestName', one(isText), (name) => setGuest({ name })),
  setGuestEmail: checked('setGuestEmail', one(isEmail), (email) => setGuest({ email })),
  registerGuest: checked('registerGuest', one(isGuest), registerGuest),
  setCustomField: checked('setCustomField', isField, (...field) => setCustomField(customField(field))),
  setLanguage: checked('setLanguage', one(isText), (language) => {
    lang.value = language;
  }),
  showWidget: ignoringArguments(() => show(true)),
  hideWidget: ignoringArguments(() => show(false)),
  maximizeWidget: ignoringArguments(openWidget),
  minimizeWidget: ignoringArguments(closeWidget),
  pageVisited: checked('pageVisited', isChange, pageVisited),
  onChatMaximized: callback('ChatMaximized'),
  onChatMinimized: callback('ChatMinimized'),
  onChatStarted: callback('ChatStarted'),
  onChatEnded: callback('ChatEnded'),
  onPrechatFormSubmit: callback('PrechatFormSubmit'),
  onOfflineFormSubmit: callback('OfflineFormSubmit'),
  onWidgetShown: callback('WidgetShown'),
  onWidgetHidden: callback('WidgetHidden'),
  onAssignAgent: callback('AssignAgent'),
  onAgentStatusChange: callback('AgentStatusChange'),
  onServiceOffline: callback('ServiceOffline'),
} satisfies Record<keyof Methods, Checked>;

const isMethod = (name: string): name is keyof Methods => Object.hasOwn(checkedMethods, name);

/** The host-page API: each method takes whatever the page passes, and checks it. */
export const methods: Methods = checkedMethods;
export const methodNames = Object.keys(checkedMethods).filter(isMethod);
