// The conversation: a greeting while it is empty, the message list, the status line and the composer, which grows
// with its text up to about five lines, or the finished notice in their place (widget spec §4.5).
export const conversation = `
.panel-body>.greeting{padding:16px 16px 0}
.older-button{align-self:center;margin-top:8px;font-size:14px}
.message-list{flex:1;display:flex;flex-direction:column;gap:8px;padding:12px;overflow:auto}
.message-list>div{max-width:80%;padding:8px 12px;border-radius:12px;background:var(--rc-agent-bubble);white-space:pre-wrap;overflow-wrap:anywhere}
.message-list>.visitor-message{align-self:flex-end;background:var(--rc-color);color:var(--rc-text-on-color)}
.message-list>.system-message{align-self:center;background:none;color:var(--rc-text-muted);font-size:14px}
.author,.message-status,.message-time{display:block;color:var(--rc-text-muted);font-size:12px}
.message-time{text-align:end}
.visitor-message .message-status,.visitor-message .message-time{color:inherit}
.status-line{min-height:1.4em;padding:0 16px;font-size:14px}
.message-list~.notice{border-top:1px solid var(--rc-border)}
.composer{display:flex;align-items:flex-end;gap:8px;padding:8px;border-top:1px solid var(--rc-border)}
.composer textarea{resize:none;field-sizing:content;max-height:calc(5lh + 22px)}
`;
