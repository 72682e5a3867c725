// One mounted widget's services (state/session.ts): its API client, storage and timers exist from beginSession on;
// reading them before any mount is a bug that says so, and what an ended session still does stops quietly.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configAnswer, fakeRest, makeConfig } from './fake-rest.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('session', () => {
  it('before any mount, the API client and storage throw an error that says why', async () => {
    vi.resetModules();
    const { api, storage } = await import('../../src/state/session.ts');
    expect(() => api()).toThrow('RocketChat livechat: no widget is mounted');
    expect(() => storage()).toThrow('no widget is mounted');
  });

  it('after the end, requests answer "aborted", timers no longer start, and clean-ups registered late run at once', async () => {
    vi.useFakeTimers();
    vi.resetModules();
    const { api, beginSession, endSession, later, onSessionEnd } = await import('../../src/state/session.ts');
    const { options } = await import('../../src/state/options.ts');
    const rest = fakeRest({ 'GET config': configAnswer(makeConfig()) });
    beginSession({ server: 'http://rc.test', lang: 'de' });
    expect(options.value).toEqual({ server: 'http://rc.test', lang: 'de' });
    const fired = vi.fn();
    later(10, fired);
    endSession();
    await vi.advanceTimersByTimeAsync(20);
    expect(fired).not.toHaveBeenCalled();
    later(10, fired);
    await vi.advanceTimersByTimeAsync(20);
    expect(fired).not.toHaveBeenCalled();
    await expect(api().config()).resolves.toMatchObject({ ok: false, status: 0, error: 'aborted' });
    expect(rest.calls).toHaveLength(1);
    const cleanUp = vi.fn();
    onSessionEnd(cleanUp);
    expect(cleanUp).toHaveBeenCalledOnce();
  });
});
