// The widget as the current sources build it, written to a private temp file: dist/ may be rebuilt by tests
// running at the same time, and the bench must not measure half a file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';

export async function buildWidget(): Promise<{ file: string; bytes: number; cleanup(): void }> {
  const out = (await build({ logLevel: 'silent', build: { write: false, emptyOutDir: false } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(out) ? out[0] : out).output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('vite build produced no chunk');
  const dir = mkdtempSync(join(tmpdir(), 'rc-livechat-bench-'));
  const file = join(dir, 'livechat.js');
  writeFileSync(file, chunk.code);
  return { file, bytes: Buffer.byteLength(chunk.code), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
