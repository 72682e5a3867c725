import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTabs } from '../../src/platform/tabs.ts';
import type { TabEvent } from '../../src/state/connection.ts';

/** Just enough of navigator.locks: exclusive locks granted in request order, abortable while waiting. */
function fakeLocks() {
  const queues = new Map<string, (() => Promise<void>)[]>();
  return {
    request(name: string, opts: { signal?: AbortSignal }, cb: () => Promise<void>) {
      return new Promise<void>((resolve, reject) => {
        const q = queues.get(name) ?? [];
        queues.set(name, q);
        const grant = async () => {
          await cb();
          q.shift();
          void q[0]?.();
          resolve();
        };
        q.push(grant);
        opts.signal?.addEventListener('abort', () => {
          const i = q.indexOf(grant);
          if (i <= 0) return;
          q.splice(i, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
        if (q.length == 1) void grant();
      });
    },
  };
}

const open: { close(): void }[] = [];
const tab = (onEvent = vi.fn(), onLeader = vi.fn()) => {
  const t = createTabs<TabEvent>('rc-livechat-test', { onEvent, onLeader });
  open.push(t);
  return { t, onEvent, onLeader };
};
afterEach(() => {
  open.splice(0).forEach((t) => t.close());
  vi.unstubAllGlobals();
});

describe('tabs (widget spec §5: several tabs, one conversation)', () => {
  it('events posted in one tab reach the others, not itself', async () => {
    const a = tab();
    const b = tab();
    const evt: TabEvent = {
      type: 'message',
      message: { _id: 'm1', rid: 'R', msg: 'hi', u: { _id: 'A', username: 'agent1' }, ts: new Date(5), _updatedAt: new Date(5) },
    };
    a.t.post(evt);
    a.t.post({ type: 'typing-out', on: true });
    await vi.waitFor(() => expect(b.onEvent).toHaveBeenCalledTimes(2));
    expect(b.onEvent.mock.calls[0]![0]).toEqual(evt);
    expect(b.onEvent.mock.calls[1]![0]).toEqual({ type: 'typing-out', on: true });
    expect(a.onEvent).not.toHaveBeenCalled();
  });

  it('one leader with Web Locks; the next tab takes over when the leader closes', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const a = tab();
    const b = tab();
    const c = tab();
    await vi.waitFor(() => expect(a.onLeader).toHaveBeenCalledTimes(1));
    expect(b.onLeader).not.toHaveBeenCalled();
    c.t.close(); // a waiting tab that goes away never becomes leader
    a.t.close();
    await vi.waitFor(() => expect(b.onLeader).toHaveBeenCalledTimes(1));
    expect(c.onLeader).not.toHaveBeenCalled();
  });

  it('without Web Locks every tab leads (one socket per tab)', async () => {
    vi.stubGlobal('navigator', {});
    const a = tab();
    const b = tab();
    await vi.waitFor(() => expect(b.onLeader).toHaveBeenCalledTimes(1));
    expect(a.onLeader).toHaveBeenCalledTimes(1);
  });
});
