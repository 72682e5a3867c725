// Signals with the part of @preact/signals-core's API we use (signal, computed, effect, `.value`, `.peek()`), in
// a few lines of our own: the package is 1.3 kB gzip of our 20 kB budget, and this covers our needs:
// computeds are lazy and cached, effects run once per change set, after it (a `set` inside an effect or a
// render is picked up by the same flush), and an effect tracks exactly what its last run read.

interface Reader {
  deps: Set<Set<Reader>>;
  stale(): void;
}

let reading: Reader | undefined;
let depth = 0;
const queue = new Set<() => void>();

const track = (subs: Set<Reader>) => reading && (subs.add(reading), reading.deps.add(subs));

function notify(subs: Set<Reader>) {
  depth++;
  [...subs].forEach((s) => s.stale());
  if (--depth) return;
  for (const run of queue) queue.delete(run), run();
}

/** Runs `fn` as `r`, so that what it reads becomes r's dependencies (and only that). */
function trackRun<T>(r: Reader, fn: () => T): T {
  r.deps.forEach((d) => d.delete(r));
  r.deps.clear();
  const outer = reading;
  reading = r;
  try {
    return fn();
  } finally {
    reading = outer;
  }
}

export interface ReadonlySignal<T> {
  readonly value: T;
  peek(): T;
}
export interface Signal<T> extends ReadonlySignal<T> {
  value: T;
}

export function signal<T>(v: T): Signal<T> {
  const subs = new Set<Reader>();
  return {
    get value() {
      track(subs);
      return v;
    },
    set value(n) {
      if (n !== v) (v = n), notify(subs);
    },
    peek: () => v,
  };
}

export function computed<T>(fn: () => T): ReadonlySignal<T> {
  const subs = new Set<Reader>();
  let v: T;
  const self: Reader = { deps: new Set(), stale: () => self.deps.size && (clear(self), notify(subs)) };
  let dirty = true;
  const clear = (r: Reader) => ((dirty = true), r.deps.forEach((d) => d.delete(r)), r.deps.clear());
  const get = () => (dirty && ((v = trackRun(self, fn)), (dirty = false)), v);
  return {
    get value() {
      track(subs);
      return get();
    },
    peek: get,
  };
}

/** Runs `fn` now and again after every change of what it read; returns the stopper. */
export function effect(fn: () => void): () => void {
  let live = true;
  const run = () => live && trackRun(self, fn);
  const self: Reader = { deps: new Set(), stale: () => queue.add(run) };
  run();
  return () => {
    live = false;
    queue.delete(run);
    trackRun(self, () => {});
  };
}
