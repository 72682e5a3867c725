// Storage (widget spec §3): idb-keyval in a named store; nothing written (or created) before the visitor starts;
// IndexedDB failing → localStorage → memory, without the widget noticing; the token is 64 hex characters.
import { IDBFactory } from 'fake-indexeddb';
import { createStore, get as idbGet, keys as idbKeys } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beginSession, endSession } from '../../src/state/session.ts';
import { currentToken, loadToken, registerVisitor, storedToken } from '../../src/state/visitor.ts';
import { createKv, DB_NAME, PREFIX } from '../../src/storage/kv.ts';
import { fakeRest, spyKv, visitorAnswer } from './fake-rest.ts';

const realLocalStorage = globalThis.localStorage;

/** A fresh, empty IndexedDB per test, with open() watched. */
function freshIdb() {
  const f = new IDBFactory();
  const open = vi.spyOn(f, 'open');
  vi.stubGlobal('indexedDB', f);
  return { f, open };
}
const dbNames = async () => (await indexedDB.databases()).map((d) => d.name);

/** An IndexedDB whose open() fails the way private modes and blocked storage do. */
function failingIdb(how: 'error' | 'throw') {
  const open = vi.fn(() => {
    if (how == 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    const req: { error: DOMException; onerror?: (e: Event) => void } = { error: new DOMException('Storage blocked', 'UnknownError') };
    setTimeout(() => req.onerror?.(new Event('error')));
    return req;
  });
  vi.stubGlobal('indexedDB', { open, databases: async () => [], deleteDatabase: vi.fn(), cmp: vi.fn() });
  return open;
}

/** localStorage that throws on access (Safari/Firefox with site data blocked). */
function blockLocalStorage() {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

beforeEach(() => realLocalStorage.clear());
afterEach(() => {
  Object.defineProperty(globalThis, 'localStorage', { configurable: true, writable: true, value: realLocalStorage });
  realLocalStorage.clear();
  vi.unstubAllGlobals();
  endSession();
});

describe('widget spec §3: IndexedDB through idb-keyval, in a named store', () => {
  it('widget §3: a first visit reads nothing and creates nothing (no database opened, no localStorage key)', async () => {
    const { open } = freshIdb();
    const kv = createKv();
    expect(await kv.get('token')).toBeUndefined();
    expect(await kv.get('outbox')).toBeUndefined();
    expect(open).not.toHaveBeenCalled();
    expect(await dbNames()).toEqual([]);
    expect(realLocalStorage.length).toBe(0);
  });

  it('widget §3: the first write goes to the rc-livechat database, store "kv" (not idb-keyval\'s default store)', async () => {
    freshIdb();
    const kv = createKv();
    await kv.set('token', 'abc');
    expect(await dbNames()).toEqual([DB_NAME]);
    expect(await idbGet('token', createStore(DB_NAME, 'kv'))).toBe('abc');
    expect(await dbNames()).not.toContain('keyval-store');
    // nothing went to the fallback
    expect(realLocalStorage.getItem(PREFIX + 'token')).toBeNull();
  });

  it('widget §3: a reload (a new kv) finds what an earlier visit stored; del removes it', async () => {
    freshIdb();
    await createKv().set('token', 'abc');
    const again = createKv();
    expect(await again.get('token')).toBe('abc');
    await again.del('token');
    expect(await createKv().get('token')).toBeUndefined();
    expect(await idbKeys(createStore(DB_NAME, 'kv'))).toEqual([]);
  });

  it('widget §3: without indexedDB.databases() a marker says the database exists; with none, nothing is opened', async () => {
    const { f, open } = freshIdb();
    Object.defineProperty(f, 'databases', { value: undefined });
    expect(await createKv().get('token')).toBeUndefined();
    expect(open).not.toHaveBeenCalled();
    await createKv().set('token', 'abc');
    expect(realLocalStorage.getItem(PREFIX + 'idb')).not.toBeNull();
    expect(await createKv().get('token')).toBe('abc');
  });
});

describe('widget spec §3: fallbacks when IndexedDB fails', () => {
  it.each(['error', 'throw'] as const)('widget §3: IndexedDB open() that %ss → localStorage, and a reload finds it there', async (how) => {
    const open = failingIdb(how);
    const kv = createKv();
    expect(await kv.get('token')).toBeUndefined();
    await kv.set('token', 'abc');
    expect(open).toHaveBeenCalled();
    expect(JSON.parse(realLocalStorage.getItem(PREFIX + 'token')!)).toBe('abc');
    expect(await kv.get('token')).toBe('abc');
    expect(await createKv().get('token')).toBe('abc');
    await kv.del('token');
    expect(realLocalStorage.getItem(PREFIX + 'token')).toBeNull();
  });

  it('widget §3: no indexedDB at all → localStorage', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const kv = createKv();
    await kv.set('outbox', [{ _id: 'm1' }]);
    expect(JSON.parse(realLocalStorage.getItem(PREFIX + 'outbox')!)).toEqual([{ _id: 'm1' }]);
    expect(await createKv().get('outbox')).toEqual([{ _id: 'm1' }]);
  });

  it('widget §3: IndexedDB failing and localStorage throwing → memory, which keeps working and never throws', async () => {
    failingIdb('error');
    blockLocalStorage();
    const kv = createKv();
    await expect(kv.get('token')).resolves.toBeUndefined();
    await kv.set('token', 'abc');
    expect(await kv.get('token')).toBe('abc');
    await kv.del('token');
    expect(await kv.get('token')).toBeUndefined();
  });

  it('widget §3: IndexedDB failing and localStorage full (setItem throws) → memory', async () => {
    failingIdb('error');
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      const kv = createKv();
      await kv.set('token', 'abc');
      expect(await kv.get('token')).toBe('abc');
    } finally {
      setItem.mockRestore();
    }
  });
});

describe('widget spec §3 / contract §1.1: the visitor token', () => {
  it('§1.1 a first visit gets a fresh 64-hex token kept in memory only: nothing stored, none sent to config', async () => {
    const kv = spyKv();
    beginSession({ server: 'http://rc.test' }, kv);
    await loadToken();
    expect(currentToken()).toMatch(/^[0-9a-f]{64}$/);
    expect(storedToken()).toBeUndefined();
    expect(kv.set).not.toHaveBeenCalled();
  });

  it('widget §3: a stored token is used again; a stored value that is not 64 hex characters is not', async () => {
    const good = 'ab'.repeat(32);
    const kv = spyKv(new Map([['token', good]]));
    beginSession({ server: 'http://rc.test' }, kv);
    await loadToken();
    expect(storedToken()).toBe(good);
    expect(currentToken()).toBe(good);
    kv.m.set('token', 'not-a-token');
    await loadToken();
    expect(storedToken()).toBeUndefined();
    expect(currentToken()).toMatch(/^[0-9a-f]{64}$/);
    expect(currentToken()).not.toBe(good);
  });

  it('widget §3: registering stores the token first, through real IndexedDB, and the same token is sent', async () => {
    freshIdb();
    const rest = fakeRest({ 'POST visitor': (c) => visitorAnswer(c.body.visitor.token) });
    beginSession({ server: 'http://rc.test' }, createKv());
    await loadToken();
    expect(await dbNames()).toEqual([]);
    expect((await registerVisitor({ name: 'Jane' })).ok).toBe(true);
    const sent = rest.to('POST visitor')[0]!.body.visitor.token;
    expect(sent).toMatch(/^[0-9a-f]{64}$/);
    expect(await idbGet('token', createStore(DB_NAME, 'kv'))).toBe(sent);
    // a reload reads it back as the stored token
    beginSession({ server: 'http://rc.test' }, createKv());
    await loadToken();
    expect(storedToken()).toBe(sent);
  });
});
