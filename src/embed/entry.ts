// The IIFE entry of dist/livechat.js. document.currentScript is only set while this top level runs.
import { installHostApi } from './host-api.ts';
import { mount } from './mount.ts';
import { readOptions } from './options.ts';

const script = document.currentScript as HTMLScriptElement | null;
const w = window as Parameters<typeof installHostApi>[0];
const options = readOptions(script?.dataset ?? {}, w.RocketChat?.url, script?.nonce);
const host = installHostApi(w);

const start = () => options && host.ready(mount(options));
if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
