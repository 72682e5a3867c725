// The IIFE entry of dist/livechat.js. document.currentScript is only set while this top level runs.
import { installHostApi } from './host-api.ts';
import { mount } from './mount.ts';
import { readOptions } from './options.ts';

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const options = readOptions(script?.dataset ?? {}, window.RocketChat?.url, script?.nonce);
const host = installHostApi(window);

function start() {
  if (options) host.ready(mount(options));
}
if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
