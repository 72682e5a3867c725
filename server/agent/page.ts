// The console page is one HTML document with its style and script inlined, so it needs no build
// step and makes no other request than to its own API. The parts live in ./page/ as plain files.
import { readFileSync } from 'node:fs';

let cached: string | undefined;

function part(name: string): string {
  return readFileSync(new URL(`./page/${name}`, import.meta.url), 'utf8');
}

export function consolePage(): string {
  cached ??= part('console.html')
    .replace('/* console.css */', () => part('console.css'))
    .replace('/* console.js */', () => part('console.js'));
  return cached;
}
