// What the entry page's outbox holds in IndexedDB (web/src/entry/outbox-storage.ts), read with the browser's
// own API rather than the page's code, so a test sees what a reload would find.
import type { Page } from "playwright-core";
import { inject } from "vitest";
import type { QueuedEntry } from "../../web/src/entry/outbox";
import { OUTBOX_DB, OUTBOX_STORE } from "../../web/src/entry/outbox-storage";
import { PROJECT } from "./browser";

/** The outbox's key for one of the project's demo stations (entry-store.ts `outboxKey`). */
export function outboxKey(station: number): string {
  return `station.outbox.${PROJECT}.${inject("server").stations[PROJECT]![station]!.id}`;
}

export function storedOutbox(page: Page, key: string): Promise<QueuedEntry[]> {
  return page.evaluate(
    ([db, store, k]) =>
      new Promise<QueuedEntry[]>((resolve, reject) => {
        const open = indexedDB.open(db!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(store!, "readonly").objectStore(store!).get(k!);
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as QueuedEntry[] | undefined) ?? []);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    [OUTBOX_DB, OUTBOX_STORE, key],
  );
}
