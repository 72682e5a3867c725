// Key-value storage (widget spec §3): idb-keyval in a named store, else localStorage, else memory.
// Start-up reads must create nothing, because opening an IndexedDB database creates it.
import { createStore, del, get, set } from 'idb-keyval';

export const DB_NAME = 'rc-livechat';
/** localStorage prefix for the fallback; `PREFIX + 'idb'` marks that our database exists when `databases()` is missing. */
export const PREFIX = 'rc-livechat:';
const MARK = PREFIX + 'idb';

export interface Kv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

const memory = (m = new Map<string, unknown>()): Kv => ({
  get: async (k) => m.get(k),
  set: async (k, v) => void m.set(k, v),
  del: async (k) => void m.delete(k),
});

const local = (): Kv => {
  const ls = localStorage; // throws where storage is blocked: the chain then moves on to memory
  return {
    get: async (k) => {
      const s = ls.getItem(PREFIX + k);
      return s == null ? undefined : JSON.parse(s);
    },
    set: async (k, v) => ls.setItem(PREFIX + k, JSON.stringify(v)),
    del: async (k) => ls.removeItem(PREFIX + k),
  };
};

const idb = (): Kv => {
  const store = createStore(DB_NAME, 'kv');
  return {
    get: (k) => get(k, store),
    set: async (k, v) => {
      await set(k, v, store);
      try {
        localStorage.setItem(MARK, '1');
      } catch {
        // no marker: only browsers without indexedDB.databases() need it
      }
    },
    del: (k) => del(k, store),
  };
};

/** Whether our IndexedDB database exists, found without opening (and so creating) it. */
async function idbExists(): Promise<boolean> {
  try {
    if (indexedDB.databases) return (await indexedDB.databases()).some((d) => d.name == DB_NAME);
    return localStorage.getItem(MARK) != null;
  } catch {
    return false;
  }
}

export function createKv(): Kv {
  const chain = [idb, local, memory];
  let level = typeof indexedDB == 'undefined' ? 1 : 0;
  let backend: Kv | undefined;
  let created = false;

  // On any failure fall one level down and stay there; memory never fails.
  async function run<T>(op: (b: Kv) => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await op((backend ??= chain[level]()));
      } catch {
        level++;
        backend = undefined;
      }
    }
  }

  return {
    async get(key) {
      if (level == 0 && !created && !(await idbExists())) {
        // No database means nothing stored there; the localStorage fallback may still hold an earlier visit.
        try {
          return await local().get(key);
        } catch {
          return undefined;
        }
      }
      return run((b) => b.get(key));
    },
    set: (key, value) => run((b) => b.set(key, value)).then(() => void (created = true)),
    del: (key) => run((b) => b.del(key)),
  };
}
