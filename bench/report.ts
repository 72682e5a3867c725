// The printed table: one row per metric, median (min–max) per profile, then the budgets.
import type { Budget } from './budgets.ts';
import type { LoadSample } from './load.ts';
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
  const line = (r: string[]) =>
    r
      .map((v, c) => v.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  const out = [
    `${runs} runs per profile; "vs bare" = widget page minus the bare host page of the same run.`,
    '',
    line(header),
    line(widths.map((x) => '-'.repeat(x))),
  ];
  out.push(...rows.map(line), '', 'budgets (unthrottled, unless they name the profiles):');
  for (const b of budgets) out.push(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name} — ${b.actual}`);
  return out.join('\n');
}

/** Each long task during load that ran the widget's code, with the widget's script entry points in it: what
 * part of start-up it was (a script's top level, a timer, a promise continuation after fetch…). */
export function formatWidgetLongTasks(byProfile: Record<string, LoadSample[]>): string {
  const out = ['long tasks running widget code during load (entry points of the widget over 5 ms, from long animation frames):'];
  for (const [profile, samples] of Object.entries(byProfile)) {
    const runs = samples.map((s, i) => ({ run: i + 1, tasks: s.widgetLongTasks }));
    if (runs.every((r) => !r.tasks.length)) {
      out.push(`  ${profile}: none in ${samples.length} run${samples.length === 1 ? '' : 's'}`);
      continue;
    }
    for (const { run, tasks } of runs)
      for (const task of tasks) {
        const scripts = task.scripts.map((s) => {
          const forced = s.forcedStyleAndLayoutDuration >= 1 ? `, forced style/layout ${s.forcedStyleAndLayoutDuration.toFixed(0)} ms` : '';
          return `${s.invokerType} ${s.invoker.replace(/^https?:\/\/[^/]+/, '')} ${s.duration.toFixed(0)} ms${forced}`;
        });
        out.push(`  ${profile}, run ${run}: ${task.duration.toFixed(0)} ms task at ${task.start.toFixed(0)} ms — ${scripts.join('; ')}`);
      }
  }
  return out.join('\n');
}
