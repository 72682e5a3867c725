// The round launcher and its unread badge (widget spec §2), on the right or, with position "left", on the left.
export const launcher = `
.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:var(--rc-color);color:var(--rc-text-on-color);cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 12px #0004}
.left .launcher{right:auto;left:20px}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#c5001a;color:#fff;font-size:12px;line-height:20px}
`;
