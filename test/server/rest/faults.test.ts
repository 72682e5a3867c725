// Test-only fault controls (docs/team-plan.md, server/faults.ts).
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { start, type TestServer } from './client.ts';

let s: TestServer;
afterEach(() => s.close());
const control = (method: string, path: string, body?: unknown) =>
  fetch(`${s.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('faults', () => {
  it('faults are off unless faults:true', async () => {
    s = await start();
    expect((await control('POST', '/__faults', { route: 'GET livechat/config', status: 503 })).status).toBe(404);
  });

  it('fails the next N requests of a route with a status, then recovers', async () => {
    s = await start({ faults: true });
    expect((await control('POST', '/__faults', { route: 'GET livechat/config', status: 503, count: 2 })).status).toBe(200);
    expect((await s.api('GET', 'livechat/config')).status).toBe(503);
    expect((await s.api('GET', 'livechat/config')).status).toBe(503);
    expect((await s.api('GET', 'livechat/config')).status).toBe(200);
  });

  it('a failure can carry the envelope text, e.g. the 429 wait (§1.4)', async () => {
    s = await start({ faults: true });
    const error = 'Error, too many requests. Please slow down. You must wait 1 seconds before trying this endpoint again. [error-too-many-requests]';
    await control('POST', '/__faults', { route: 'GET livechat/config', status: 429, error });
    const r = await s.api('GET', 'livechat/config');
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ success: false, error });
  });

  it('route keys use the path pattern', async () => {
    s = await start({ faults: true });
    await control('POST', '/__faults', { route: 'GET livechat/messages.history/:rid', status: 500 });
    expect((await s.api('GET', 'livechat/messages.history/abc?token=x')).status).toBe(500);
  });

  it('answers malformed JSON', async () => {
    s = await start({ faults: true });
    await control('POST', '/__faults', { route: 'GET livechat/config', malformed: true, count: 1 });
    const r = await s.api('GET', 'livechat/config');
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.body)).toThrow();
  });

  it('delays a route; DELETE /__faults resets everything', async () => {
    s = await start({ faults: true });
    await control('POST', '/__faults', { route: 'GET livechat/config', delayMs: 300 });
    await control('POST', '/__faults', { route: 'POST livechat/message', status: 503, count: 5 });
    const t0 = Date.now();
    await s.api('GET', 'livechat/config');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await control('DELETE', '/__faults');
    const t1 = Date.now();
    await s.api('GET', 'livechat/config');
    expect(Date.now() - t1).toBeLessThan(250);
    expect((await s.api('POST', 'livechat/message', {})).status).toBe(400);
  });

  it('drop-sockets closes every WebSocket', async () => {
    s = await start({ faults: true });
    const ws = new WebSocket(`${s.url.replace('http', 'ws')}/websocket`);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    expect((await control('POST', '/__faults/drop-sockets')).status).toBe(200);
    await closed;
  });
});
