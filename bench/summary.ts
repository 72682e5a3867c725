// Turns per-run samples into the figures the bench reports: widget-minus-bare deltas for what the bare page
// also has (script time, heap, bytes, requests, long tasks), absolute values for what only the widget has.
import type { JourneySample } from './journey.ts';
import { tbt, type LoadSample } from './load.ts';
import { spread, type Spread } from './lib/stats.ts';

export interface ProfileRuns {
  bare: LoadSample[];
  widget: LoadSample[];
  journey: JourneySample[];
}

export interface Metric {
  key: string;
  label: string;
  unit: 'ms' | 'B' | 'KB' | '';
  spread: Spread;
}

type Row = [key: string, label: string, unit: Metric['unit'], pick: (r: ProfileRuns, i: number) => number | null];

const w = (f: (s: LoadSample) => number | null) => (r: ProfileRuns, i: number) => (r.widget[i] ? f(r.widget[i]) : null);
const delta = (f: (s: LoadSample) => number) => (r: ProfileRuns, i: number) => (r.widget[i] && r.bare[i] ? f(r.widget[i]) - f(r.bare[i]) : null);
const j = (f: (s: JourneySample) => number | null) => (r: ProfileRuns, i: number) => (r.journey[i] ? f(r.journey[i]) : null);

export const ROWS: Row[] = [
  ['scriptMs', 'script time at load (vs bare)', 'ms', delta((s) => s.scriptMs)],
  ['loadEventMs', 'load event (vs bare)', 'ms', delta((s) => s.loadEventMs)],
  ['launcherMs', 'launcher rendered (from navigation)', 'ms', w((s) => s.launcherMs)],
  ['shellAfterScriptMs', 'element in page after script fetched', 'ms', w((s) => s.shellAfterScriptMs)],
  ['launcherAfterScriptMs', 'launcher rendered after script fetched', 'ms', w((s) => s.launcherAfterScriptMs)],
  ['launcherFrameAfterScriptMs', 'launcher laid out to paint (its frame)', 'ms', w((s) => s.launcherFrameAfterScriptMs)],
  ['launcherPaintedAfterEvalMs', "launcher's frame after script ran", 'ms', w((s) => s.launcherPaintedAfterEvalMs)],
  ['launcherBeforeConfigMs', 'launcher ahead of config response', 'ms', w((s) => s.launcherBeforeConfigMs)],
  ['loadLongTasks', 'long tasks during load (vs bare)', '', delta((s) => s.loadLongTasks)],
  ['loadTbtMs', 'total blocking time, load (vs bare)', 'ms', delta((s) => s.loadTbtMs)],
  ['widgetLongTasks', 'long tasks running widget code, load', '', w((s) => s.widgetLongTasks.length)],
  ['widgetTbtMs', '  their blocking time (past 50 ms each)', 'ms', w((s) => tbt(s.widgetLongTasks))],
  ['loadLongFrames', 'long animation frames during load (vs bare)', '', delta((s) => s.loadLongFrames)],
  ['widgetLongFrames', 'long animation frames running widget code', '', w((s) => s.widgetLongFrames)],
  ['idleLongTasks', 'long tasks while idle', '', w((s) => s.idleLongTasks)],
  ['idleTimersScheduled', 'timers scheduled while idle', '', w((s) => s.idleTimersScheduled)],
  ['idlePendingTimers', 'timers pending after idle', '', w((s) => s.idlePendingTimers)],
  ['socketsOpened', 'WebSockets opened (never chatted)', '', w((s) => s.socketsOpened)],
  ['heapKB', 'JS heap after load + GC (vs bare)', 'KB', delta((s) => s.heapBytes / 1024)],
  ['bytes', 'bytes transferred at start-up (vs bare)', 'B', delta((s) => s.bytes)],
  ['requests', 'requests at start-up (vs bare)', '', delta((s) => s.requests)],
  ['openToFormMs', 'open → usable form', 'ms', j((s) => s.openToFormMs)],
  ['registerToComposerMs', 'register → composer', 'ms', j((s) => s.registerToComposerMs)],
  ['sendToStoredMs', 'first message → in the store', 'ms', j((s) => s.sendToStoredMs)],
  ['agentToShownMs', 'agent message → shown', 'ms', j((s) => s.agentToShownMs)],
];

export function summarize(runs: ProfileRuns): Metric[] {
  const n = Math.max(runs.bare.length, runs.widget.length, runs.journey.length);
  return ROWS.map(([key, label, unit, pick]) => {
    const values = Array.from({ length: n }, (_, i) => pick(runs, i)).filter((v): v is number => v !== null);
    return { key, label, unit, spread: spread(values) };
  });
}
