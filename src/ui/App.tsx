// The widget root: theme from setTheme, then data-*, then config.theme (widget spec §8), through CSS custom
// properties; the panel when open, the launcher always, nothing while the host page hides the widget.
import { config } from '../state/config.ts';
import { options } from '../state/options.ts';
import { hidden, theme } from '../state/prefs.ts';
import { isOpen } from '../state/ui.ts';
import { Launcher } from './Launcher.tsx';
import { Panel } from './Panel.tsx';
import { t } from './t.ts';

export function App() {
  if (hidden.value) return null;
  const open = isOpen.value;
  const c = config.value;
  const mount = options.value;
  const th = { ...c?.theme, ...(mount.color && { color: mount.color }), ...theme.value };
  const offline = c?.online === false;
  const color = offline ? th.offlineColor || th.color : th.color;
  const left = (theme.value.position || mount.position || c?.theme.position) == 'left';
  return (
    <div class={'widget' + (left ? ' left' : '') + (open ? ' open' : '')} style={color && { '--rc-color': color }}>
      {open && <Panel title={(offline && th.offlineTitle) || th.title || t('defaultTitle')} />}
      <Launcher />
    </div>
  );
}
