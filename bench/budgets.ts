// The budgets of issue 7 and widget spec §1, checked against the unthrottled medians (and every run where
// "never" is the promise; long tasks of the widget under every profile, 4× CPU included).
// They are reported, not asserted: a slow machine must not fail CI, but a regression must be visible.
import type { LoadSample } from './load.ts';
import type { Metric } from './summary.ts';

export interface Budget {
  name: string;
  pass: boolean;
  actual: string;
}

/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

/** `widget`: the widget page's samples under each profile; `metrics`: the unthrottled profile's figures. */
export function checkBudgets(widget: Record<string, LoadSample[]>, metrics: Metric[]): Budget[] {
  const normal = widget.normal;
  const m = (key: string) => metrics.find((x) => x.key === key)!.spread;
  const every = (f: (s: LoadSample) => boolean) => normal.length > 0 && normal.every(f);
  const extra = (s: LoadSample) => s.requestUrls.filter((u) => !u.endsWith('/livechat.js') && !/\/page-\d+\.html$/.test(u));
  const profiles = Object.keys(widget);
  const widgetTasks = (name: string) => Math.max(...widget[name].map((s) => s.widgetLongTasks.length));
  return [
    {
      name: `0 long tasks running widget code during load (${profiles.join(', ')})`,
      pass: profiles.every((name) => widget[name].length > 0 && widgetTasks(name) === 0),
      actual: profiles.map((name) => `${name}: max ${widgetTasks(name)}`).join(', '),
    },
    { name: '0 long tasks while idle', pass: every((s) => s.idleLongTasks === 0), actual: `max ${Math.max(...normal.map((s) => s.idleLongTasks))}` },
    {
      name: 'no timers while idle (never chatted)',
      pass: every((s) => s.idleTimersScheduled === 0 && s.idlePendingTimers === 0),
      actual: `scheduled max ${Math.max(...normal.map((s) => s.idleTimersScheduled))}, pending max ${Math.max(...normal.map((s) => s.idlePendingTimers))}`,
    },
    {
      name: 'no sockets (never chatted)',
      pass: every((s) => s.socketsOpened === 0 && s.idleSocketsOpen === 0),
      actual: `max ${Math.max(...normal.map((s) => s.socketsOpened))}`,
    },
    {
      name: 'start-up: one request (config) besides the script',
      pass: every((s) => extra(s).length === 1 && extra(s)[0].includes('/livechat/config')),
      actual: [...new Set(normal.map((s) => extra(s).join(', ') || 'none'))].join(' | '),
    },
    {
      // from the end of the script's top level (<rc-livechat> appended) to the next frame; compile and
      // evaluation themselves are "script time at load"
      name: 'launcher painted within one frame of script evaluation',
      pass: m('launcherPaintedAfterEvalMs').median <= FRAME_MS,
      actual: `median ${m('launcherPaintedAfterEvalMs').median.toFixed(1)} ms`,
    },
    {
      name: 'launcher shown before config arrives',
      pass: every((s) => (s.launcherBeforeConfigMs ?? -1) > 0),
      actual: `median ${m('launcherBeforeConfigMs').median.toFixed(1)} ms ahead`,
    },
    { name: 'JS heap after load < 1.5 MB', pass: m('heapKB').median < 1.5 * 1024, actual: `median ${m('heapKB').median.toFixed(0)} KB over bare` },
  ];
}
