// Server and visitor text rendered as text (widget spec §9); only http(s) URLs become links.
import type { ComponentChild } from 'preact';

const URL_RE = /\bhttps?:\/\/[^\s<>"']+/gi;

export function Text({ s }: { s: string }) {
  const parts: ComponentChild[] = [];
  let at = 0;
  for (const m of s.matchAll(URL_RE)) {
    // Trailing punctuation belongs to the sentence, not the link.
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    parts.push(
      s.slice(at, m.index),
      <a href={url} target="_blank" rel="noopener noreferrer">
        {url}
      </a>,
    );
    at = m.index + url.length;
  }
  parts.push(s.slice(at));
  return <>{parts}</>;
}
