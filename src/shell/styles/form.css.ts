// The pre-chat and offline forms: the greeting and fields scroll, the submit button below them stays in view
// (widget spec §4.4). Inputs are 16px so iOS does not zoom (widget spec §8).
export const form = `
.form{flex:1;min-height:0;display:flex;flex-direction:column;overflow-wrap:anywhere}
.form-fields{flex:1;min-height:0;overflow:auto;display:flex;flex-direction:column;gap:12px;padding:16px}
.form-actions{display:flex;flex-direction:column;gap:8px;padding:12px 16px 16px;border-top:1px solid var(--rc-border)}
.field{display:flex;flex-direction:column;gap:4px}
label{font-size:14px;font-weight:600}
input,select,textarea{width:100%;padding:10px;font:inherit;font-size:16px;color:inherit;background:var(--rc-background);border:1px solid var(--rc-border);border-radius:8px}
[aria-invalid=true]{border-color:var(--rc-error)}
`;
