// The shadow root's two sheets (shell/element.ts). The launcher's goes in with the element, in the widget's first
// task; the panel's, which is most of the CSS, waits for the panel (widget spec §1: only the launcher at first).
import { conversation } from './conversation.css.ts';
import { dialog } from './dialog.css.ts';
import { form } from './form.css.ts';
import { launcher } from './launcher.css.ts';
import { panel } from './panel.css.ts';
import { theme } from './theme.css.ts';

/** The host element, the theme's custom properties and shared rules, and the launcher. */
export const launcherStyles = theme + launcher;
/** The open panel and its screens; it comes after the launcher's sheet and builds on its rules. */
export const panelStyles = panel + form + conversation + dialog;
