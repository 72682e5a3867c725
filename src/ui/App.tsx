// The widget root: theme from data-* then config.theme (widget spec §8), the panel when open, the launcher always.
import { config } from '../state/config.ts';
import { session } from '../state/session.ts';
import { isOpen } from '../state/ui.ts';
import { Launcher } from './Launcher.tsx';
import { Panel } from './Panel.tsx';
import { t } from './t.ts';

export function App() {
  const open = isOpen.value;
  const c = config.value;
  const offline = c?.online === false;
  const color = session.opts.color || (offline ? c?.theme.offlineColor : c?.theme.color);
  const left = (session.opts.position || c?.theme.position) == 'left';
  return (
    <div class={'w' + (left ? ' l' : '') + (open ? ' o' : '')} style={color ? { '--rc': color } : undefined}>
      {open && <Panel title={(offline ? c?.theme.offlineTitle : c?.theme.title) || t('title')} />}
      <Launcher />
    </div>
  );
}
