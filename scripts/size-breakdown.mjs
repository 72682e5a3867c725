// What each part of dist/livechat.js costs (issue 7). Builds the bundle again in memory (`write: false`, so
// dist/ is untouched) to read rolldown's per-module rendered code, groups modules by part, and estimates each
// part's bytes: rolldown reports each module's code before the chunk is minified, and gzip of a whole file is not
// the sum of its pieces, so each module is measured alone (as rendered, and gzipped) and the sums are scaled to
// the real minified and gzip sizes of the whole file. Run: `node scripts/size-breakdown.mjs`
// (scripts/size.mjs prints it too).
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The parts, in the order of the layers (../shared/spec/layout.md) and then the packages. A module that matches
 * none of the layers is "other src" (or "other deps" outside src/), so a new folder shows up instead of vanishing.
 */
const PARTS = [
  ['embed', /^src\/embed\//],
  ['shell', /^src\/shell\/(?!styles\/)/],
  ['state', /^src\/state\//],
  ['platform', /^src\/platform\//],
  ['lib', /^src\/lib\//],
  ['api', /^src\/api\//],
  ['storage', /^src\/storage\//],
  ['ui', /^src\/ui\//],
  ['i18n', /^src\/i18n\//],
  ['styles', /^src\/shell\/styles\//],
  ['other src', /^src\//],
  ['preact', /node_modules\/preact\//],
  ['@preact/signals', /node_modules\/@preact\/signals(-core)?\//],
  ['idb-keyval', /node_modules\/idb-keyval\//],
  ['other deps', /./],
];

const partOf = (id) => PARTS.find(([, re]) => re.test(id))[0];

/** @returns {Promise<{ raw: number, gzip: number, brotli: number, parts: { part: string, modules: number, rendered: number, raw: number, gzip: number }[] }>} */
export async function sizeBreakdown() {
  const { build } = await import('vite');
  // silent: the real build (`vite build`) already showed its messages; this one only reads module sizes
  const out = await build({ logLevel: 'silent', build: { write: false, emptyOutDir: false } });
  const chunk = (Array.isArray(out) ? out[0] : out).output.find((o) => o.type === 'chunk');
  const file = Buffer.from(chunk.code);
  const total = { raw: file.length, gzip: gzipSync(file, { level: 9 }).length, brotli: brotliCompressSync(file).length };
  const byPart = new Map();
  for (const [id, mod] of Object.entries(chunk.modules)) {
    const code = mod.code ?? '';
    if (!code) continue;
    const part = partOf(relative(process.cwd(), id).replaceAll('\\', '/'));
    const p = byPart.get(part) ?? { modules: 0, raw: 0, gz: 0 };
    p.modules += 1;
    p.raw += mod.renderedLength;
    p.gz += gzipSync(code, { level: 9 }).length;
    byPart.set(part, p);
  }
  const sum = (k) => [...byPart.values()].reduce((s, p) => s + p[k], 0) || 1;
  const rawSum = sum('raw');
  const gzSum = sum('gz');
  // every part in the order above, empty ones too (a layer not written yet shows 0); "other …" only when used
  const parts = PARTS.map(([part]) => part)
    .filter((part) => byPart.has(part) || !part.startsWith('other '))
    .map((part) => {
      const p = byPart.get(part) ?? { modules: 0, raw: 0, gz: 0 };
      return {
        part,
        modules: p.modules,
        rendered: p.raw,
        raw: Math.round((p.raw / rawSum) * total.raw),
        gzip: Math.round((p.gz / gzSum) * total.gzip),
      };
    });
  return { ...total, parts };
}

export function formatBreakdown({ raw, gzip, parts }) {
  const pct = (n, of) => `${((n / of) * 100).toFixed(1)}%`.padStart(6);
  const lines = ['part                          modules  rendered    raw≈   gzip≈  share'];
  for (const p of parts) {
    const cells = [p.modules, p.rendered, p.raw, p.gzip].map((n, i) => String(n).padStart(i ? 8 : 7)).join('');
    lines.push(`${p.part.padEnd(30)}${cells} ${pct(p.gzip, gzip)}`);
  }
  lines.push(`${'total'.padEnd(37)}${''.padStart(8)}${String(raw).padStart(8)}${String(gzip).padStart(8)}`);
  lines.push('rendered = module code before minification; raw≈/gzip≈ = each module measured alone, scaled so the parts');
  lines.push("add up to the whole file's minified and gzip sizes (estimates: gzip shares context across modules).");
  return lines.join('\n');
}

/** For scripts/size.mjs: the table after its own line. */
export async function printBreakdown() {
  console.log(formatBreakdown(await sizeBreakdown()));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const b = await sizeBreakdown();
  console.log(`dist/livechat.js (in-memory build): ${b.raw} B raw, ${b.gzip} B gzip, ${b.brotli} B brotli\n`);
  console.log(formatBreakdown(b));
}
