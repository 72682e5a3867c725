// GET /avatar/<username>: Rocket.Chat's letter avatar when nothing was uploaded
// (apps/meteor/server/routes/avatar/user.ts, utils.ts renderSVGLetters, utils/lib/getAvatarColor.ts).
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.ts';

let s: RunningServer;
beforeEach(async () => {
  s = await startServer({ port: 0, rateLimit: false });
});
afterEach(() => s.close());
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${s.url}${path}`, { headers });
const letter = (svg: string) => /\n(\S+)\n<\/text>/.exec(svg)?.[1];

test("an SVG with the first letter, RC's headers (cache time, inline, the fallback Last-Modified)", async () => {
  const res = await get('/avatar/agent1');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/svg+xml');
  expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  expect(res.headers.get('content-disposition')).toBe('inline');
  expect(res.headers.get('last-modified')).toBe('Thu, 01 Jan 2015 00:00:00 GMT');
  const svg = await res.text();
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 200 200">/);
  expect(letter(svg)).toBe('A');
  expect(svg).toContain('<rect width="100%" height="100%" fill="#158D65"/>'); // "agent1": 6 letters → colors[6 % 6]
});

test('colour by name length, letters only from [A-Za-z0-9], size clamped, cacheTime from the query', async () => {
  const guest = await (await get('/avatar/guest-12')).text();
  expect(guest).toContain('fill="#B68D00"'); // 8 letters → colors[8 % 6]
  expect(letter(guest)).toBe('G');
  const small = await (await get('/avatar/-x?size=3')).text();
  expect(small).toContain('viewBox="0 0 16 16"');
  expect(letter(small)).toBe('X');
  expect(await (await get('/avatar/x?size=5000')).text()).toContain('viewBox="0 0 1024 1024"');
  expect((await get('/avatar/x?cacheTime=60')).headers.get('cache-control')).toBe('public, max-age=60');
});

test('If-Modified-Since equal to the fallback date → 304; an empty name → 404', async () => {
  expect((await get('/avatar/agent1', { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' })).status).toBe(304);
  expect((await get('/avatar/')).status).toBe(404);
});

test("UI_Use_Name_Avatar: the known user's name, all initials; /avatar/@text always letters of the text", async () => {
  s.store.settings.UI_Use_Name_Avatar = true;
  expect(letter(await (await get('/avatar/agent1')).text())).toBe('AO'); // Agent One
  expect(letter(await (await get('/avatar/@Jane Mary Doe Smith')).text())).toBe('JMD');
  expect(letter(await (await get('/avatar/nobody')).text())).toBe('N');
});

test('Accounts_AvatarBlockUnauthenticatedAccess (on in the newest settings): a visitor gets the letters without cache headers (middlewares/auth.ts)', async () => {
  s.store.settings.Accounts_AvatarBlockUnauthenticatedAccess = true;
  const res = await get('/avatar/agent1');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBeNull();
  expect(letter(await res.text())).toBe('A');
});
