// The host element, the theme's custom properties (widget spec §8, §13) and what every part shares: text, focus,
// buttons. :host rules are !important: inside a shadow tree those beat the page's own !important rules.
export const theme = `
:host{all:initial!important;display:block!important;position:fixed!important;right:0!important;bottom:0!important;width:0!important;height:0!important;z-index:2147483000!important;visibility:visible!important;opacity:1!important}
*{box-sizing:border-box}
.widget{--rc-color:#1565c0;--rc-text-on-color:#fff;--rc-background:#fff;--rc-text:#1f2329;--rc-text-muted:#5c636b;--rc-border:#c9cdd2;--rc-agent-bubble:#eef0f2;--rc-error:#b00020;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--rc-text)}
@supports (color:color(from red xyz-d65 x y z)){.widget{--rc-color-is-dark:clamp(0,(.179 - y)*1e6,1);--rc-text-on-color:color(from var(--rc-color) xyz-d65 calc(var(--rc-color-is-dark)*.9505) var(--rc-color-is-dark) calc(var(--rc-color-is-dark)*1.089))}}
@media (prefers-color-scheme:dark){.widget{--rc-background:#1f2329;--rc-text:#eef0f2;--rc-text-muted:#b3b9c0;--rc-border:#4a5058;--rc-agent-bubble:#30353b;--rc-error:#ff8a80}}
p{margin:0}
a{color:inherit}
svg{fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
:focus-visible{outline:2px solid var(--rc-text);outline-offset:2px}
.note{color:var(--rc-text-muted);white-space:pre-line}
.error{color:var(--rc-error);font-size:14px}
.icon-button{display:grid;padding:8px;border:0;border-radius:8px;background:none;color:inherit;cursor:pointer}
.primary-button,.secondary-button{padding:12px;font:inherit;font-weight:600;border:0;border-radius:8px;background:var(--rc-color);color:var(--rc-text-on-color);cursor:pointer}
.secondary-button{border:1px solid var(--rc-border);background:none;color:inherit}
.link-button{padding:0;font:inherit;border:0;background:none;color:inherit;text-decoration:underline;cursor:pointer}
[aria-busy=true]{cursor:progress;opacity:.7}
`;
