// The host page's address and title, and their changes (for page tracking, §3.7). The Navigation API reports
// pushState, replaceState, back/forward and hash changes without patching `history` and without a polling timer
// (Baseline since 2026: no fallback); a MutationObserver on <head> sees the title change.

export interface Page {
  href: string;
  title: string;
}

export type PageChange = 'url' | 'title';

export const currentPage = (): Page => ({ href: location.href, title: document.title });

/** The Navigation API is not in TypeScript's DOM library yet: the one event we listen to. */
interface Navigation extends EventTarget {
  addEventListener(type: 'currententrychange', listener: () => void, options?: AddEventListenerOptions): void;
}
declare global {
  interface Window {
    navigation?: Navigation;
  }
}

/** Calls `onChange` when the URL or the title changes; a change of both reports once, as 'url'. */
export function watchPage(onChange: (change: PageChange) => void, signal: AbortSignal) {
  let seen = currentPage();
  const check = () => {
    const now = currentPage();
    const change = now.href != seen.href ? 'url' : now.title != seen.title ? 'title' : undefined;
    seen = now;
    if (change) onChange(change);
  };
  window.navigation?.addEventListener('currententrychange', check, { signal });
  const titles = new MutationObserver(check);
  titles.observe(document.head, { subtree: true, childList: true, characterData: true });
  signal.addEventListener('abort', () => titles.disconnect());
}
