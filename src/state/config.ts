// The server's livechat config (§4.1): loaded once after the launcher is on screen.
import type { Config } from '../api/contract.ts';
import { resettable, session } from './session.ts';
import { effect } from './signals.ts';
import { loadToken, storedToken } from './visitor.ts';

export const config = resettable<Config | null>(null);
/** `disabled` = Livechat_enabled is off on the server; an error is `unreachable` when no HTTP answer came (server
 * down, network), so the error screen can say so. */
export type ConfigState = { status: 'loading' } | { status: 'ready' } | { status: 'disabled' } | { status: 'error'; reason: 'unreachable' | 'server' };
export const configState = resettable<ConfigState>({ status: 'loading' });

export async function loadConfig(): Promise<void> {
  configState.value = { status: 'loading' };
  await loadToken();
  const r = await session.api.config(storedToken(), session.opts.department);
  if (!r.ok) {
    if (r.error != 'aborted') configState.value = { status: 'error', reason: r.status ? 'server' : 'unreachable' };
    return;
  }
  const c = r.data.config;
  if (c.enabled === false) {
    configState.value = { status: 'disabled' };
    return;
  }
  config.value = c as Config;
  configState.value = { status: 'ready' };
}

/** Resolves once the first config answer (or failure) is in, so the token is loaded: host-page calls wait for it. */
export const settled = () =>
  new Promise<void>((done) => {
    const stop = effect(() => void (configState.value.status != 'loading' && (done(), queueMicrotask(() => stop()))));
  });
