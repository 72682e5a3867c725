// Host element, theme variables, launcher and panel chrome (widget spec §2, §8).
// :host rules are !important: inside a shadow tree those beat the page's own !important rules.
export const base = `
:host{all:initial!important;display:block!important;position:fixed!important;right:0!important;bottom:0!important;width:0!important;height:0!important;z-index:2147483000!important;visibility:visible!important;opacity:1!important}
*{box-sizing:border-box}
.widget{--rc-color:#1565c0;--rc-text-on-color:#fff;--rc-background:#fff;--rc-text:#1f2329;--rc-text-muted:#5c636b;--rc-border:#c9cdd2;--rc-agent-bubble:#eef0f2;--rc-error:#b00020;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--rc-text)}
@supports (color:color(from red xyz-d65 x y z)){.widget{--rc-color-is-dark:clamp(0,(.179 - y)*1e6,1);--rc-text-on-color:color(from var(--rc-color) xyz-d65 calc(var(--rc-color-is-dark)*.9505) var(--rc-color-is-dark) calc(var(--rc-color-is-dark)*1.089))}}
@media (prefers-color-scheme:dark){.widget{--rc-background:#1f2329;--rc-text:#eef0f2;--rc-text-muted:#b3b9c0;--rc-border:#4a5058;--rc-agent-bubble:#30353b;--rc-error:#ff8a80}}
.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:var(--rc-color);color:var(--rc-text-on-color);cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 12px #0004}
.left .launcher,.left .panel{right:auto;left:20px}
svg{fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#c5001a;color:#fff;font-size:12px;line-height:20px}
.panel{position:fixed;right:20px;bottom:88px;width:370px;height:min(580px,calc(100vh - 108px));display:flex;flex-direction:column;overflow:hidden;background:var(--rc-background);border-radius:12px;box-shadow:0 8px 28px #0005}
.header{display:flex;align-items:center;gap:8px;padding:8px 8px 8px 16px;background:var(--rc-color);color:var(--rc-text-on-color)}
.header h2{flex:1;margin:0;font-size:17px}
.icon-button{display:grid;padding:8px;border:0;border-radius:8px;background:none;color:inherit;cursor:pointer}
.panel-body{flex:1;min-height:0;display:flex;flex-direction:column;overflow:auto}
:focus-visible{outline:2px solid var(--rc-text);outline-offset:2px}
@media (max-width:480px){.panel{inset:var(--rc-viewport-top,0) 0 auto;width:auto;height:var(--rc-viewport-height,100%);border-radius:0}.open .launcher{display:none}}
`;
