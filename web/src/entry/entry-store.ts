// The entry page's store: the station's token (given once, kept in this browser), what the station may
// post to (GET /station, cached for a reload while offline), both small and in localStorage, and the
// outbox (outbox.ts) with its pending entries in IndexedDB (outbox-storage.ts), sent on load, when the
// browser says it is online and on a timer, whichever comes first (no Background Sync: Safari and Firefox
// lack it).
import { createSignal, onCleanup } from "solid-js";
import { Outbox, type OutboxStatus, type QueuedEntry } from "./outbox";
import { outboxStorage } from "./outbox-storage";
import { loadStation, sendEntries, type Credentials, type StationLoad, type StationView } from "./station-api";

const CREDENTIALS_KEY = "station.credentials";
const viewKey = (projectId: string) => `station.view.${projectId}`;
const outboxKey = (projectId: string, stationId: string) => `station.outbox.${projectId}.${stationId}`;
/** The operator's totals for today are read again this often (and after every batch the server takes). */
const REFRESH_MS = 60_000;
/** Pending entries are tried this often even when no `online` event came (outbox.ts `drain`). */
const DRAIN_MS = 15_000;

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked: entries still go out while the page stays open
  }
}

export function createEntryStore() {
  const [credentials, setCredentials] = createSignal<Credentials | null>(read<Credentials>(CREDENTIALS_KEY));
  const [view, setView] = createSignal<StationView | null>(credentials() ? read<StationView>(viewKey(credentials()!.projectId)) : null);
  const [entries, setEntries] = createSignal<readonly QueuedEntry[]>([]);
  const [status, setStatus] = createSignal<OutboxStatus>({ sending: false, retryAt: null, lastSentAt: null, tokenRejected: false });
  const [online, setOnline] = createSignal(navigator.onLine);
  let outbox: Outbox | null = null;

  async function refresh(): Promise<StationLoad | null> {
    const c = credentials();
    if (!c) return null;
    const loaded = await loadStation(c);
    if (loaded.ok) {
      setView(loaded.view);
      write(viewKey(c.projectId), loaded.view);
    }
    return loaded;
  }

  function openOutbox(c: Credentials, stationId: string): void {
    outbox?.stop();
    outbox = new Outbox({
      ...outboxStorage(outboxKey(c.projectId, stationId)),
      send: (batch) => sendEntries(c, batch),
      onChange: (list, s) => {
        setEntries(list);
        setStatus(s);
      },
      onSent: () => void refresh(),
    });
    void outbox.start();
  }

  const c0 = credentials();
  const v0 = view();
  if (c0 && v0) openOutbox(c0, v0.station.id);
  if (c0) void refresh().then((r) => r?.ok && !outbox && openOutbox(c0, r.view.station.id));

  const goOnline = () => {
    setOnline(true);
    outbox?.retryNow();
    void refresh();
  };
  const goOffline = () => setOnline(false);
  window.addEventListener("online", goOnline);
  window.addEventListener("offline", goOffline);
  const timer = setInterval(() => navigator.onLine && void refresh(), REFRESH_MS);
  const drainTimer = setInterval(() => outbox?.drain(), DRAIN_MS);
  onCleanup(() => {
    clearInterval(drainTimer);
    window.removeEventListener("online", goOnline);
    window.removeEventListener("offline", goOffline);
    clearInterval(timer);
    outbox?.stop();
  });

  return {
    credentials,
    view,
    entries,
    status,
    online,
    async signIn(projectId: string, token: string): Promise<StationLoad> {
      const c = { projectId: projectId.trim(), token: token.trim() };
      const loaded = await loadStation(c);
      if (!loaded.ok) return loaded;
      write(CREDENTIALS_KEY, c);
      write(viewKey(c.projectId), loaded.view);
      setCredentials(c);
      setView(loaded.view);
      openOutbox(c, loaded.view.station.id);
      return loaded;
    },
    /** Entries not yet sent stay stored for this station; they go out when it signs in again. */
    signOut(): void {
      outbox?.stop();
      outbox = null;
      write(CREDENTIALS_KEY, null);
      setCredentials(null);
      setView(null);
      setEntries([]);
    },
    add: (list: Parameters<Outbox["add"]>[0]) => outbox?.add(list),
    discard: (id: string) => outbox?.discard(id),
    retry: () => outbox?.retryNow(),
  };
}

export type EntryStore = ReturnType<typeof createEntryStore>;
