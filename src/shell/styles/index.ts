// Every part's styles, in one sheet for the shadow root (shell/element.ts): shared rules first.
import { conversation } from './conversation.css.ts';
import { dialog } from './dialog.css.ts';
import { form } from './form.css.ts';
import { launcher } from './launcher.css.ts';
import { panel } from './panel.css.ts';
import { theme } from './theme.css.ts';

export const styles = theme + launcher + panel + form + conversation + dialog;
