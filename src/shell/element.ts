// <rc-livechat>: the one element the widget adds to the page, with an open shadow root that keeps host styles
// out and ours in (widget spec §2).

export const TAG = 'rc-livechat';

export interface Shell {
  host: HTMLElement;
  root: ShadowRoot;
  /** Adds a stylesheet after those already in the shadow root; one it already has is not added again. */
  addStyles(css: string): void;
  /** Moves the element into the top layer, where a transformed or clipping host <body> no longer contains our
   * fixed-position boxes. It makes the browser recompute the page's styles at once, so it is not done in the
   * task that renders the launcher. */
  raise(): void;
}

export function createShell({ nonce, styles }: { nonce?: string; styles: string }): Shell {
  if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  const added = new Set<string>();
  function addStyles(css: string) {
    if (added.has(css)) return;
    added.add(css);
    // Constructable stylesheets work under a CSP without 'unsafe-inline'; <style nonce> covers older browsers (those
    // with adoptedStyleSheets also have replaceSync).
    if ('adoptedStyleSheets' in ShadowRoot.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      const style = document.createElement('style');
      if (nonce) style.nonce = nonce;
      style.textContent = css;
      root.append(style);
    }
  }
  addStyles(styles);
  document.body.append(host);
  return {
    host,
    root,
    addStyles,
    raise() {
      if (!('showPopover' in host) || host.matches(':popover-open')) return;
      host.popover = 'manual';
      host.showPopover();
    },
  };
}
