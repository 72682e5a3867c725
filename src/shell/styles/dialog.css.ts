// The "End chat" confirmation: a small dialog over a dimmed panel (widget spec §4.5).
export const dialog = `
.dialog-backdrop{position:absolute;inset:0;z-index:1;display:grid;place-items:center;padding:16px;background:#0008}
.end-dialog{display:flex;flex-direction:column;gap:8px;width:100%;max-width:320px;padding:20px;border-radius:12px;background:var(--rc-background);color:var(--rc-text);box-shadow:0 8px 28px #0005}
.end-dialog h3{margin:0;font-size:17px}
.dialog-buttons{display:flex;justify-content:flex-end;gap:8px;margin-top:8px}
`;
