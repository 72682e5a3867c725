// Inline SVG icons: no icon font, no emoji (widget spec §2). Minimizing shows a chevron pointing down, not an ✕,
// which would read as "end the chat" (widget spec §4.5).
const PATHS = {
  chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z',
  minimize: 'M6 9l6 6 6-6',
  send: 'M3 20l18-8L3 4v6l12 2-12 2z',
};

export const Icon = ({ name }: { name: keyof typeof PATHS }) => (
  <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    <path d={PATHS[name]} />
  </svg>
);
