// Page tracking (§3.7): the agent sees where the visitor goes, as the host page reports it (pageVisited). The
// automatic tracking of history navigation and title changes waits for room in the budget (docs/wip).
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
