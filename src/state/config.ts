// The server's livechat config (§4.1): loaded once after the launcher is on screen.
import { batch, effect } from '@preact/signals';
import type { Config } from '../api/contract.ts';
import { options } from './options.ts';
import { loadLastRoom } from './room.ts';
import { api, resettable } from './session.ts';
import { loadToken, storedToken } from './visitor.ts';

/** 'disabled': Livechat_enabled is off on the server. An error is 'unreachable' when no HTTP answer came (server down,
 * network), which the error screen says. */
export type ConfigState =
  { status: 'loading' } | { status: 'ready' } | { status: 'disabled' } | { status: 'error'; reason: 'unreachable' | 'server' };

export const config = resettable<Config | null>(null);
export const configState = resettable<ConfigState>({ status: 'loading' });

/** `GET livechat/config` answers only `{enabled: false}` when Livechat_enabled is off (§4.1). */
const isEnabled = (c: Config | { enabled: false }): c is Config => c.enabled !== false;

export async function loadConfig(): Promise<void> {
  configState.value = { status: 'loading' };
  // the last room too, so that what the config says is applied at once (room.ts restoreRoom)
  await Promise.all([loadToken(), loadLastRoom()]);
  const r = await api().config(storedToken(), options.peek().department);
  if (!r.ok) {
    if (r.error != 'aborted') configState.value = { status: 'error', reason: r.status ? 'server' : 'unreachable' };
    return;
  }
  const c = r.data.config;
  if (!isEnabled(c)) {
    configState.value = { status: 'disabled' };
    return;
  }
  batch(() => {
    config.value = c;
    configState.value = { status: 'ready' };
  });
}

/** Resolves once the first config answer (or failure) is in, so the token is loaded: host-page calls wait for it. */
export function settled(): Promise<void> {
  let stop = () => {};
  return new Promise<void>((done) => {
    stop = effect(() => {
      if (configState.value.status != 'loading') done();
    });
  }).finally(() => stop());
}
