// Key-value storage (widget spec §3): idb-keyval in a named store, else localStorage, else memory.
// Start-up reads must create nothing, because opening an IndexedDB database creates it.
import { createStore, promisifyRequest as done } from 'idb-keyval';

export const DB_NAME = 'rc-livechat';
/** localStorage prefix for the fallback; its key `MARK` says our database exists when `databases()` is missing. */
export const PREFIX = 'rc-livechat:';
const MARK = 'idb';

export interface Kv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

// localStorage is read inside each call: where storage is blocked that rejects, and the chain moves on to memory.
const local: Kv = {
  get: async (k) => {
    const s = localStorage.getItem(PREFIX + k);
    return s == null ? undefined : JSON.parse(s);
  },
  set: async (k, v) => localStorage.setItem(PREFIX + k, JSON.stringify(v)),
  del: async (k) => localStorage.removeItem(PREFIX + k),
};

/** Whether our IndexedDB database exists, found without opening (and so creating) it. */
const idbExists = async () => (indexedDB.databases ? (await indexedDB.databases()).some((d) => d.name == DB_NAME) : local.get(MARK));

export function createKv(): Kv {
  const store = createStore(DB_NAME, 'kv'); // opens nothing until first used
  const m = new Map<string, unknown>();
  const chain: Kv[] = [
    {
      // idb-keyval's store directly: its get/set/del would also bring in its default store
      get: (k) => store('readonly', (s) => done(s.get(k))),
      set: async (k, v) => {
        await store('readwrite', (s) => {
          s.put(v, k);
          return done(s.transaction);
        });
        // failing to mark is harmless: only browsers without indexedDB.databases() need it
        await local.set(MARK, 1).catch(() => {});
        created = true;
      },
      del: (k) =>
        store('readwrite', (s) => {
          s.delete(k);
          return done(s.transaction);
        }),
    },
    local,
    { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v), del: async (k) => void m.delete(k) },
  ];
  // No indexedDB at all fails the first operation like a blocked one does.
  let level = 0;
  let created = false;

  // On any failure fall one level down and stay there; memory never fails.
  async function run<T>(op: (b: Kv) => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await op(chain[level]!);
      } catch {
        level++;
      }
    }
  }

  return {
    async get(key) {
      // No database means nothing stored there; the localStorage fallback may still hold an earlier visit.
      if (!level && !created && !(await idbExists().catch(() => 0))) return local.get(key).catch(() => undefined);
      return run((b) => b.get(key));
    },
    set: (key, value) => run((b) => b.set(key, value)),
    del: (key) => run((b) => b.del(key)),
  };
}
