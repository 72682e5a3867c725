// The open panel: its header (title, agent, End chat, minimize) and the body the screens fill; on phones it fills
// the visual viewport that platform/viewport.ts follows (widget spec §8), on either side.
export const panel = `
.panel{position:fixed;right:20px;bottom:88px;width:370px;height:min(580px,calc(100vh - 108px));display:flex;flex-direction:column;overflow:hidden;background:var(--rc-background);border-radius:12px;box-shadow:0 8px 28px #0005}
.left .panel{right:auto;left:20px}
.header{display:flex;align-items:center;gap:8px;padding:8px 8px 8px 16px;background:var(--rc-color);color:var(--rc-text-on-color)}
.heading{flex:1;min-width:0}
.heading>*{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.heading h2{margin:0;font-size:17px}
.served-by{font-size:13px;opacity:.9}
.agent-status::before{content:"·";content:"·"/"";margin:0 6px}
.header-button{padding:6px 10px;font:inherit;font-size:14px;color:inherit;background:#0003;border:0;border-radius:8px;cursor:pointer}
.panel-body{flex:1;min-height:0;display:flex;flex-direction:column;overflow:auto}
.panel-body>.note{padding:0 16px 12px}
.notice{display:flex;flex-direction:column;gap:12px;padding:16px;overflow-wrap:anywhere}
@media (max-width:480px){.panel,.left .panel{inset:var(--rc-viewport-top,0) 0 auto;width:auto;height:var(--rc-viewport-height,100%);border-radius:0}.open .launcher{display:none}}
`;
