// The printed table: one row per metric, median (min–max) per profile, then the budgets.
import type { Budget } from './budgets.ts';
import type { Metric } from './summary.ts';

function cell(m: Metric | undefined): string {
  if (!m || !m.spread.n) return '–';
  const { median, min, max } = m.spread;
  const f = (v: number) => (m.unit === 'ms' ? v.toFixed(1) : Math.round(v).toString());
  const u = m.unit ? ` ${m.unit}` : '';
  return min === max ? `${f(median)}${u}` : `${f(median)}${u} (${f(min)}–${f(max)})`;
}

export function formatTable(byProfile: Record<string, Metric[]>, budgets: Budget[], runs: number): string {
  const names = Object.keys(byProfile);
  const first = byProfile[names[0]];
  const header = ['metric', ...names.map((n) => `${n}: median (min–max)`)];
  const rows = first.map((m) => [m.label, ...names.map((n) => cell(byProfile[n].find((x) => x.key === m.key)))]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
  const line = (r: string[]) => r.map((v, c) => v.padEnd(widths[c])).join('  ').trimEnd();
  const out = [`${runs} runs per profile; "vs bare" = widget page minus the bare host page of the same run.`, '', line(header), line(widths.map((x) => '-'.repeat(x)))];
  out.push(...rows.map(line), '', 'budgets (normal profile):');
  for (const b of budgets) out.push(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name} — ${b.actual}`);
  return out.join('\n');
}
