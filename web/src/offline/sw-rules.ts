// What the service worker (sw.ts) does with each request and which caches it keeps. Pure, unit-tested in
// test/unit/service-worker.test.ts. The API is never cached: counts and totals must be live or fail
// visibly; the station page keeps its own outbox (web/src/entry/outbox.ts) for what it could not send.
export const CACHE_PREFIX = "app-shell-";

/** network: the browser's own fetch; shell: the page (network first, the cached app shell offline); asset: cache first. */
export type Route = "network" | "shell" | "asset";

export function route(method: string, url: URL, mode: string, origin: string, precached: ReadonlySet<string>): Route {
  if (method !== "GET" || url.origin !== origin) return "network";
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return "network";
  if (mode === "navigate") return "shell";
  return precached.has(url.pathname) ? "asset" : "network";
}

export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/**
 * Caches to delete when `current` activates: all of ours but it and the one before it (caches.keys() is in
 * creation order), so a page still open from the last deploy can load its lazy chunks until it reloads.
 */
export function stale(keys: readonly string[], current: string): string[] {
  const ours = keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== current);
  return ours.slice(0, Math.max(0, ours.length - 1));
}

/** The precache list from a build's output files: the app shell ("/") and every emitted asset. */
export function precacheList(fileNames: readonly string[]): string[] {
  const assets = fileNames.filter((f) => !f.endsWith(".map") && f !== "sw.js" && f !== "index.html" && !f.startsWith(".") && !f.includes("/."));
  return ["/", ...assets.sort().map((f) => `/${f}`)];
}

/** FNV-1a, enough to name a build: the output file names carry content hashes already. */
export function versionOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}
