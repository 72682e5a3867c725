// Seeds (server/seed.ts) and the CLI (`npm run server -- --port <p> …`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSeed, storeFromSeed, validateSeed } from '../../../server/seed.ts';

describe('seed', () => {
  it('the default seed has an online agent, two departments, custom fields and CORS *', () => {
    const store = storeFromSeed(loadSeed());
    expect(store.onlineAgents()).toHaveLength(1);
    expect([...store.departments.values()].map((d) => [d.showOnRegistration, d.showOnOfflineForm])).toEqual([
      [true, true],
      [true, false],
    ]);
    const fields = [...store.customFields.values()];
    expect(fields.find((f) => f.required)?.regexp).toBeTruthy();
    expect(fields.find((f) => f.type === 'select')?.options).toContain(',');
    expect([store.setting('API_Enable_CORS'), store.setting('API_CORS_Origin')]).toEqual([true, '*']);
  });

  it('missing setting ids get Rocket.Chat defaults; entries get default fields', () => {
    const store = storeFromSeed({ agents: [{ _id: 'a', username: 'a', status: 'online' }], settings: { Livechat_title: 'X' } });
    expect(store.setting('Livechat_title')).toBe('X');
    expect(store.setting('Livechat_offline_title')).toBe(DEFAULT_SETTINGS.Livechat_offline_title);
    expect(store.agents.get('a')).toEqual({ _id: 'a', username: 'a', status: 'online', name: 'a', departments: [] });
  });

  it('servers started from one seed do not share state', () => {
    const seed = loadSeed();
    const a = storeFromSeed(seed);
    a.settings.Livechat_title = 'changed';
    a.departments.get('dep-sales')!.name = 'changed';
    const b = storeFromSeed(seed);
    expect([b.setting('Livechat_title'), b.departments.get('dep-sales')!.name]).toEqual(['Rocket.Chat', 'Sales']);
  });

  it.each([
    [[], 'seed: expected an object'],
    [{ departments: {} }, 'seed.departments: expected an array'],
    [{ agents: [{ _id: 'a', username: 'a' }] }, 'seed.agents[0].status: expected a string'],
    [{ settings: 5 }, 'seed.settings: expected an object'],
  ])('invalid seed %j → %s', (seed, message) => {
    expect(() => validateSeed(seed)).toThrow(message);
  });
});

describe('cli', () => {
  it('prints "listening on http://127.0.0.1:<p>" and serves the given seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify({ settings: { Livechat_enabled: true, Livechat_title: 'From file' } }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--seed', file, '--no-rate-limit'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          const found = chunk.split('\n').find((l) => l.startsWith('listening on '));
          if (found) resolve(found);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const body = await (await fetch(`${line.slice('listening on '.length)}/api/v1/livechat/config`)).json();
      expect(body.config.theme.title).toBe('From file');
    } finally {
      child.kill('SIGTERM');
    }
  }, 20_000);

  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { encoding: 'utf8' });
  it('--help prints the usage and exits 0, no stack trace', () => {
    const out = run('--help');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^Usage: npm run server -- \[options\]/);
    for (const option of ['--port', '--host', '--seed', '--no-rate-limit', '--faults', '--help']) expect(out.stdout).toContain(option);
    expect(out.stderr).toBe('');
  }, 20_000);
  it('an unknown option or a bad seed file → the reason (and the usage) on stderr, exit 2', () => {
    const unknown = run('--bogus');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(unknown.stderr).toContain('Usage: npm run server');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const missing = run('--seed', '/nonexistent/seed.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^cannot use --seed \/nonexistent\/seed.json: ENOENT/);
  }, 20_000);
});
