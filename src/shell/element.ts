// <rc-livechat>: the one element the widget adds to the page, with an open shadow root that keeps host styles
// out and ours in (widget spec §2).
import { styles } from './styles/index.ts';

export const TAG = 'rc-livechat';

export function createShell(nonce?: string): { host: HTMLElement; root: ShadowRoot } {
  if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  const css = styles;
  // Constructable stylesheets work under a CSP without 'unsafe-inline'; <style nonce> covers older browsers (those
  // with adoptedStyleSheets also have replaceSync).
  if ('adoptedStyleSheets' in ShadowRoot.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
  document.body.append(host);
  // The top layer: a transformed or clipping host <body> would otherwise contain our fixed-position boxes.
  if ('showPopover' in host) {
    host.popover = 'manual';
    host.showPopover();
  }
  return { host, root };
}
