// Host element, theme variables, launcher and panel chrome (widget spec §2, §8).
// :host rules are !important: inside a shadow tree those beat the page's own !important rules.
export const base = `
:host{all:initial!important;display:block!important;position:fixed!important;right:0!important;bottom:0!important;width:0!important;height:0!important;z-index:2147483000!important;visibility:visible!important;opacity:1!important}
*{box-sizing:border-box}
.w{--rc:#1565c0;--on:#fff;--bg:#fff;--fg:#1f2329;--mu:#5c636b;--bd:#c9cdd2;--ag:#eef0f2;--er:#b00020;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg)}
@supports (color:color(from red xyz-d65 x y z)){.w{--k:clamp(0,(.179 - y)*1e6,1);--on:color(from var(--rc) xyz-d65 calc(var(--k)*.9505) var(--k) calc(var(--k)*1.089))}}
@media (prefers-color-scheme:dark){.w{--bg:#1f2329;--fg:#eef0f2;--mu:#b3b9c0;--bd:#4a5058;--ag:#30353b;--er:#ff8a80}}
.ln{position:fixed;right:20px;bottom:20px;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:var(--rc);color:var(--on);cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 12px #0004}
.l .ln,.l .p{right:auto;left:20px}
svg{fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.bd{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#c5001a;color:#fff;font-size:12px;line-height:20px}
.p{position:fixed;right:20px;bottom:88px;width:370px;height:min(580px,calc(100vh - 108px));display:flex;flex-direction:column;overflow:hidden;background:var(--bg);border-radius:12px;box-shadow:0 8px 28px #0005}
.hd{display:flex;align-items:center;gap:8px;padding:8px 8px 8px 16px;background:var(--rc);color:var(--on)}
.hd h2{flex:1;margin:0;font-size:17px}
.ib{display:grid;padding:8px;border:0;border-radius:8px;background:none;color:inherit;cursor:pointer}
.bo{flex:1;min-height:0;display:flex;flex-direction:column;overflow:auto}
:focus-visible{outline:2px solid var(--fg);outline-offset:2px}
@media (max-width:480px){.p{inset:var(--vt,0) 0 auto;width:auto;height:var(--vh,100%);border-radius:0}.o .ln{display:none}}
`;
