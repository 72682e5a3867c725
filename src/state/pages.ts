// Page tracking (§3.7): the agent sees where the visitor goes, as the host page reports it (pageVisited) and, unless
// the server's historyMonitorType is `never`, as the widget sees the page's URL and title change.
import { currentPage, watchPage, type PageChange } from '../platform/navigation.ts';
import { config } from './config.ts';
import { room } from './room.ts';
import { api, sessionSignal } from './session.ts';
import { currentToken, visitorId } from './visitor.ts';

/** Only for a known visitor: the navigation of a token nobody registered would lead nowhere. */
export function pageVisited(change: PageChange = 'url') {
  if (!visitorId.value) return;
  const { href, title } = currentPage();
  void api().pageVisited({ token: currentToken(), rid: room.value || undefined, pageInfo: { change, title, location: { href } } });
}

export function trackPages() {
  watchPage((change) => {
    if (config.peek()?.settings.historyMonitorType != 'never') pageVisited(change);
  }, sessionSignal());
}
