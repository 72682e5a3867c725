// Page tracking (§3.7): the agent sees where the visitor goes. History navigation and <title> changes are
// observed, never polled; reports go out while tracking is on, and the listeners end with remove().
import { config } from './config.ts';
import { room } from './room.ts';
import { session } from './session.ts';
import { effect } from './signals.ts';
import { currentToken, visitorId } from './visitor.ts';

/** Only for a known visitor: the navigation of a token nobody registered would lead nowhere. */
export function pageVisited(change = 'url') {
  if (visitorId.value)
    void session.api.pageVisited({
      token: currentToken(),
      rid: room.value || undefined,
      pageInfo: { change, title: document.title, location: { href: location.href } },
    });
}

/** Reports while tracking is on: the Navigation API reports pushState, replaceState, back/forward and hash
 * changes without patching `history`; where it is missing, back/forward and hash changes still count. */
export function trackPages() {
  const { signal } = session.abort;
  let href = '';
  let title = document.title;
  let on = false;
  const check = () => {
    if (!on) return;
    if (href != location.href) (href = location.href), pageVisited('url');
    if (title != document.title) (title = document.title), pageVisited('title');
  };
  for (const [target, type] of [
    [(window as any).navigation, 'currententrychange'],
    [window, 'popstate'],
    [window, 'hashchange'],
  ])
    target?.addEventListener(type, check, { signal });
  const titles = new MutationObserver(check);
  titles.observe(document.head, { subtree: true, childList: true, characterData: true });
  const stop = effect(() => {
    const type = config.value?.settings.historyMonitorType;
    on = !!visitorId.value && !!type && type != 'never';
    check();
  });
  signal.addEventListener('abort', () => (stop(), titles.disconnect()));
}
