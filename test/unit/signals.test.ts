// The state layer's signals (src/state/signals.ts): the semantics of @preact/signals-core that the widget uses.
import { describe, expect, it, vi } from 'vitest';
import { computed, effect, signal } from '../../src/state/signals.ts';

describe('signals', () => {
  it('a signal holds a value; peek reads without tracking', () => {
    const s = signal(1);
    const seen: number[] = [];
    effect(() => void seen.push(s.peek()));
    s.value = 2;
    expect(s.value).toBe(2);
    expect(seen).toEqual([1]);
  });

  it('an effect runs at once and after every change of what it read, not for equal values', () => {
    const s = signal('a');
    const fn = vi.fn(() => s.value);
    effect(fn);
    s.value = 'b';
    s.value = 'b';
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('an effect tracks only what its last run read', () => {
    const which = signal(true);
    const a = signal(0);
    const b = signal(0);
    const fn = vi.fn(() => (which.value ? a.value : b.value));
    effect(fn);
    which.value = false;
    a.value = 1; // no longer read
    expect(fn).toHaveBeenCalledTimes(2);
    b.value = 1;
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('computed is lazy and cached, and recomputes after a dependency changed', () => {
    const s = signal(2);
    const fn = vi.fn(() => s.value * 10);
    const c = computed(fn);
    expect(fn).not.toHaveBeenCalled();
    expect(c.value).toBe(20);
    expect(c.value).toBe(20);
    expect(fn).toHaveBeenCalledTimes(1);
    s.value = 3;
    expect(c.value).toBe(30);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('an effect over a computed chain re-runs once per change and sees consistent values', () => {
    const s = signal(1);
    const double = computed(() => s.value * 2);
    const sum = computed(() => s.value + double.value);
    const seen: [number, number][] = [];
    effect(() => void seen.push([double.value, sum.value]));
    s.value = 2;
    expect(seen).toEqual([
      [2, 3],
      [4, 6],
    ]);
  });

  it('a set inside an effect is picked up in the same flush; a stopped effect never runs again', () => {
    const a = signal(0);
    const b = signal(0);
    effect(() => void (b.value = a.value + 1));
    const seen: number[] = [];
    const stop = effect(() => void seen.push(b.value));
    a.value = 5;
    expect(seen).toEqual([1, 6]);
    stop();
    a.value = 7;
    expect(b.value).toBe(8);
    expect(seen).toEqual([1, 6]);
  });
});
