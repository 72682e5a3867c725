// Page tracking (§3.7): the agent sees where the visitor goes, as the host page reports it (pageVisited) and, unless
// the server's historyMonitorType is `never`, as the widget sees the page's URL and title change.
import { config } from './config.ts';
import { room } from './room.ts';
import { session } from './session.ts';
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

/** The Navigation API reports pushState, replaceState, back/forward and hash changes without patching `history`
 * and without a polling timer (Baseline since 2026: no fallback). A change of both reports once, as `url`. */
export function trackPages() {
  const { signal } = session.abort;
  let href = location.href;
  let title = document.title;
  const check = () => {
    const change = href != location.href ? 'url' : title != document.title && 'title';
    href = location.href;
    title = document.title;
    if (change && config.peek()?.settings.historyMonitorType != 'never') pageVisited(change);
  };
  (window as any).navigation?.addEventListener('currententrychange', check, { signal });
  const titles = new MutationObserver(check);
  titles.observe(document.head, { subtree: true, childList: true, characterData: true });
  signal.addEventListener('abort', () => titles.disconnect());
}
