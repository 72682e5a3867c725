// Forms, notices and the message list. Inputs are 16px so iOS does not zoom (widget spec §8).
export const content = `
p{margin:0}
a{color:inherit}
.form,.notice{display:flex;flex-direction:column;gap:12px;padding:16px;overflow-wrap:anywhere}
.field{display:flex;flex-direction:column;gap:4px}
label{font-size:14px;font-weight:600}
.optional,.note,.author,.message-status{color:var(--rc-text-muted);font-weight:400}
.note{white-space:pre-line}
.panel-body>.note{padding:0 16px 12px}
input,select,textarea{width:100%;padding:10px;font:inherit;font-size:16px;color:inherit;background:var(--rc-background);border:1px solid var(--rc-border);border-radius:8px}
[aria-invalid=true]{border-color:var(--rc-error)}
.error{color:var(--rc-error);font-size:14px}
.primary-button{padding:12px;font:inherit;font-weight:600;border:0;border-radius:8px;background:var(--rc-color);color:var(--rc-text-on-color);cursor:pointer}
[aria-busy=true]{cursor:progress;opacity:.7}
.link-button{padding:0;font:inherit;border:0;background:none;color:inherit;text-decoration:underline;cursor:pointer}
.message-list{flex:1;display:flex;flex-direction:column;gap:8px;padding:12px;overflow:auto}
.message-list>div{max-width:80%;padding:8px 12px;border-radius:12px;background:var(--rc-agent-bubble);white-space:pre-wrap;overflow-wrap:anywhere}
.message-list>.visitor-message{align-self:flex-end;background:var(--rc-color);color:var(--rc-text-on-color)}
.message-list>.system-message{align-self:center;background:none;color:var(--rc-text-muted);font-size:14px}
.author,.message-status{display:block;font-size:12px}
.visitor-message .message-status{color:inherit}
.composer{display:flex;align-items:flex-end;gap:8px;padding:8px;border-top:1px solid var(--rc-border)}
.composer textarea{resize:none;max-height:120px}
.heading{flex:1;min-width:0}
.heading>*{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.served-by{font-size:13px;opacity:.9}
.header-button{padding:6px 10px;font:inherit;font-size:14px;color:inherit;background:#0003;border:0;border-radius:8px;cursor:pointer}
.older-button{align-self:center;margin-top:8px;font-size:14px}
.status-line{min-height:1.4em;padding:0 16px;font-size:14px}
`;
