// §1.2 bad input, §1.4/§1.5 rate limits, §1.6 CORS.
import { afterEach, describe, expect, it } from 'vitest';
import { seedWith, start, type TestServer } from './client.ts';

let s: TestServer;
afterEach(() => s.close());

describe('§1.2 bad input never crashes', () => {
  it('§1.2 malformed JSON → 400 envelope', async () => {
    s = await start();
    const r = await s.api('POST', 'livechat/message', '{"token":');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ success: false, error: expect.any(String) });
  });
  it('§1.2 a body over the limit → 400 envelope', async () => {
    s = await start();
    const r = await s.api('POST', 'livechat/visitor', { visitor: { token: 't', name: 'x'.repeat(1_100_000) } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error: 'request entity too large' });
  });
  it('§1.2 a JSON array or scalar body is a validation error, not a crash', async () => {
    s = await start();
    expect((await s.api('POST', 'livechat/message', '[1,2]')).body).toEqual({
      success: false,
      error: 'must be object [invalid-params]',
      errorType: 'invalid-params',
    });
    expect((await s.api('POST', 'livechat/visitor', '"x"')).body).toEqual({ success: false, error: 'Match error: Expected object, got string' });
  });
  it('§1.2 a repeated query key arrives as an array, so validators reject it', async () => {
    s = await start();
    expect((await s.api('GET', 'livechat/config?token=a&token=b')).body.error).toBe('must be string [invalid-params]');
    expect((await s.api('GET', 'livechat/room?token=a&token=b')).body.error).toBe('Match error: Expected string, got object in field token');
  });
  it('§1.2 a malformed %-escape in a path parameter is a 404, not a crash', async () => {
    s = await start();
    expect((await s.api('GET', 'livechat/visitor/%E0%A4%A')).status).toBe(404);
  });
  it('§1.1 unknown endpoint → 404 with success:false', async () => {
    s = await start();
    const r = await s.api('GET', 'livechat/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.success).toBe(false);
  });
});

describe('§1.4/§1.5 rate limits', () => {
  const tooMany = (n: number) =>
    `Error, too many requests. Please slow down. You must wait ${n} seconds before trying this endpoint again. [error-too-many-requests]`;

  it('§1.5 POST livechat/visitor: 5 per 60 s per IP, then 429 with X-RateLimit-* headers', async () => {
    s = await start({ rateLimit: true });
    for (let i = 0; i < 5; i++) {
      const ok = await s.api('POST', 'livechat/visitor', { visitor: { token: `t${i}` } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-ratelimit-remaining')).toBe(String(4 - i));
    }
    const r = await s.api('POST', 'livechat/visitor', { visitor: { token: 'x' } });
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ success: false, error: tooMany(60) });
    expect(r.headers.get('x-ratelimit-limit')).toBe('5');
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(r.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now());
    // per route: another route is unaffected
    expect((await s.api('GET', 'livechat/config')).status).toBe(200);
  });

  it('§1.5 GET livechat/room 5/60 s and POST livechat/offline.message 1/5 s', async () => {
    s = await start({ rateLimit: true });
    for (let i = 0; i < 5; i++) await s.api('GET', 'livechat/room?token=x');
    expect((await s.api('GET', 'livechat/room?token=x')).status).toBe(429);
    const form = { name: 'a', email: 'a@b.co', message: 'm' };
    expect((await s.api('POST', 'livechat/offline.message', form)).status).toBe(200);
    const r = await s.api('POST', 'livechat/offline.message', form);
    expect(r.status).toBe(429);
    expect(r.body.error).toBe(tooMany(5));
  });

  it('§1.5 routes without their own limit get API_Enable_Rate_Limiter_Limit_Calls_Default per 60 s (10)', async () => {
    s = await start({ rateLimit: true });
    for (let i = 0; i < 10; i++) expect((await s.api('GET', 'livechat/config')).status).toBe(200);
    const r = await s.api('GET', 'livechat/config');
    expect(r.status).toBe(429);
    expect(r.headers.get('x-ratelimit-limit')).toBe('10');
    // per IP: Rocket.Chat takes x-real-ip first
    expect((await s.api('GET', 'livechat/config', undefined, { 'x-real-ip': '10.0.0.9' })).status).toBe(200);
  });

  it('§1.5 API_Enable_Rate_Limiter false turns every limit off', async () => {
    s = await start({ rateLimit: true, seed: seedWith({ API_Enable_Rate_Limiter: false }) });
    for (let i = 0; i < 7; i++) expect((await s.api('POST', 'livechat/visitor', { visitor: { token: `t${i}` } })).status).toBe(200);
    expect((await s.api('GET', 'livechat/config')).headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('§1.5 rateLimit:false switches limits off', async () => {
    s = await start();
    for (let i = 0; i < 7; i++) expect((await s.api('POST', 'livechat/visitor', { visitor: { token: `t${i}` } })).status).toBe(200);
  });
});

describe('§1.6 CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${s.url}/api/v1/livechat/visitor`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });

  it('§1.6 origin * → preflight answered with the exact headers; simple requests carry them too', async () => {
    s = await start();
    const r = await preflight('https://shop.example');
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE, HEAD, PATCH');
    expect(r.headers.get('access-control-allow-headers')).toBe(
      'Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, x-visitor-token, Authorization',
    );
    const get = await s.api('GET', 'livechat/config', undefined, { origin: 'https://shop.example' });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('§1.6 origin list: a listed origin is echoed, another gets 403 Forbidden', async () => {
    s = await start({ seed: seedWith({ API_CORS_Origin: 'https://a.example, https://B.example' }) });
    const ok = await preflight('https://b.example');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://b.example');
    const bad = await preflight('https://evil.example');
    expect(bad.status).toBe(403);
    expect(bad.statusText).toBe('Forbidden');
    expect((await s.api('GET', 'livechat/config', undefined, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('§1.6 API_Enable_CORS false → no CORS headers', async () => {
    s = await start({ seed: seedWith({ API_Enable_CORS: false }) });
    const r = await preflight('https://shop.example');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});
