// Where the entry page keeps the entries it has not sent yet: IndexedDB, through idb-keyval (README,
// "Dependencies"). Not localStorage: its writes are synchronous on the page's thread (every entry rewrites
// the whole list) and its few megabytes are shared with everything else the origin keeps; a day offline
// at a busy station must not hit either. Entries an earlier version of the page queued in localStorage,
// under the same key, are moved here when the outbox opens, so nothing queued before an update is lost.
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { mergeQueued, type QueuedEntry } from "./outbox";

export const OUTBOX_DB = "archive-station";
export const OUTBOX_STORE = "outbox";

let store: UseStore | null = null;
/** Opened on first use, not on import, so pages without an outbox never create the database. */
const outboxStore = (): UseStore => (store ??= createStore(OUTBOX_DB, OUTBOX_STORE));

/** One station's outbox (`key`: project and station), as outbox.ts `load` and `save` want it. */
export function outboxStorage(key: string): { load(): Promise<QueuedEntry[]>; save(entries: readonly QueuedEntry[]): void } {
  return {
    async load() {
      const stored = (await get<QueuedEntry[]>(key, outboxStore())) ?? [];
      const left = leftInLocalStorage(key);
      if (left.length === 0) return stored;
      const merged = mergeQueued(stored, left);
      // Into IndexedDB first, then out of localStorage: a page closed in between finds both, merged again.
      await set(key, merged, outboxStore());
      localStorage.removeItem(key);
      return merged;
    },
    save(entries) {
      // Transactions on one store run in the order they are made, so the last list saved is the one kept.
      void (entries.length > 0 ? set(key, [...entries], outboxStore()) : del(key, outboxStore())).catch(() => {
        // storage full or blocked: entries still go out while the page stays open
      });
    },
  };
}

function leftInLocalStorage(key: string): QueuedEntry[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(list) ? (list as QueuedEntry[]) : [];
  } catch {
    return [];
  }
}
