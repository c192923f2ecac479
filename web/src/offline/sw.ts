// The service worker: an app shell so the station entry page (/station) opens with no network after a
// first visit. Built by the station-service-worker plugin in vite.config.ts, which fills in the precache
// list of the build. A new deploy gives a new list, so a new worker: it installs, takes over at once and
// deletes caches older than the previous one (sw-rules.ts `stale`). Background Sync is not used (Safari and
// Firefox lack it): the page drains its outbox itself (web/src/entry/entry-store.ts).
import { cacheName, route, stale } from "./sw-rules";

declare const __PRECACHE__: string[];
declare const __VERSION__: string;

// The DOM lib has no service-worker types and the webworker lib conflicts with it: the few used here.
interface ExtendableEvent extends Event {
  waitUntil(done: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: "install" | "activate", listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const worker = self as unknown as WorkerScope;
const CACHE = cacheName(__VERSION__);
const PRECACHED = new Set(__PRECACHE__);

worker.addEventListener("install", (e) => {
  // cache: "reload" so the precache never copies a stale HTTP-cached file.
  e.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(__PRECACHE__.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(stale(keys, CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  switch (route(e.request.method, url, e.request.mode, worker.location.origin, PRECACHED)) {
    case "network":
      return;
    case "shell":
      e.respondWith(fetch(e.request).catch(() => fromCache("/")));
      return;
    case "asset":
      e.respondWith(caches.match(e.request).then((hit) => hit ?? fetch(e.request)));
      return;
  }
});

async function fromCache(path: string): Promise<Response> {
  return (await (await caches.open(CACHE)).match(path)) ?? Response.error();
}
