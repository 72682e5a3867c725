// Forms, notices and the message list. Inputs are 16px so iOS does not zoom (widget spec §8).
export const content = `
p{margin:0}
a{color:inherit}
.fm,.nt{display:flex;flex-direction:column;gap:12px;padding:16px;overflow-wrap:anywhere}
.fd{display:flex;flex-direction:column;gap:4px}
label{font-size:14px;font-weight:600}
.op,.in,.au,.ms{color:var(--mu);font-weight:400}
.in{white-space:pre-line}
.bo>.in{padding:0 16px 12px}
input,select,textarea{width:100%;padding:10px;font:inherit;font-size:16px;color:inherit;background:var(--bg);border:1px solid var(--bd);border-radius:8px}
[aria-invalid=true]{border-color:var(--er)}
.er{color:var(--er);font-size:14px}
.pr{padding:12px;font:inherit;font-weight:600;border:0;border-radius:8px;background:var(--rc);color:var(--on);cursor:pointer}
[aria-busy=true]{cursor:progress;opacity:.7}
.lk{padding:0;font:inherit;border:0;background:none;color:inherit;text-decoration:underline;cursor:pointer}
.log{flex:1;display:flex;flex-direction:column;gap:8px;padding:12px;overflow:auto}
.log>div{max-width:80%;padding:8px 12px;border-radius:12px;background:var(--ag);white-space:pre-wrap;overflow-wrap:anywhere}
.log>.me{align-self:flex-end;background:var(--rc);color:var(--on)}
.log>.sy{align-self:center;background:none;color:var(--mu);font-size:14px}
.au,.ms{display:block;font-size:12px}
.me .ms{color:inherit}
.cp{display:flex;align-items:flex-end;gap:8px;padding:8px;border-top:1px solid var(--bd)}
.cp textarea{resize:none;max-height:120px}
.tt{flex:1;min-width:0}
.tt>*{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.sb{font-size:13px;opacity:.9}
.tb{padding:6px 10px;font:inherit;font-size:14px;color:inherit;background:#0003;border:0;border-radius:8px;cursor:pointer}
.ol{align-self:center;margin-top:8px;font-size:14px}
.st{min-height:1.4em;padding:0 16px;font-size:14px}
`;
