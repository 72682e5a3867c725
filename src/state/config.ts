// The server's livechat config (§4.1): loaded once after the launcher is on screen.
import type { Config } from '../api/contract.ts';
import { resettable, session } from './session.ts';
import { effect } from './signals.ts';
import { loadToken, storedToken } from './visitor.ts';

export const config = resettable<Config | null>(null);
/** `disabled` = Livechat_enabled is off on the server. */
export const configStatus = resettable<'loading' | 'ready' | 'error' | 'disabled'>('loading');
/** The last failure got no HTTP answer (server down, network): the error screen says so. */
export let unreachable = false;

export async function loadConfig(): Promise<void> {
  configStatus.value = 'loading';
  await loadToken();
  const r = await session.api.config(storedToken(), session.opts.department);
  if (!r.ok) {
    unreachable = !r.status;
    if (r.error != 'aborted') configStatus.value = 'error';
    return;
  }
  const c = r.data.config;
  if (c.enabled === false) {
    configStatus.value = 'disabled';
    return;
  }
  config.value = c as Config;
  configStatus.value = 'ready';
}

/** Resolves once the first config answer (or failure) is in, so the token is loaded: host-page calls wait for it. */
export const settled = () =>
  new Promise<void>((done) => {
    const stop = effect(() => void (configStatus.value != 'loading' && (done(), queueMicrotask(() => stop()))));
  });
