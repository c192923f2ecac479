// Installs the service worker (sw.ts) in a build only: in `vite dev` (where import.meta.hot exists) it would
// serve stale modules over hot reload. Not import.meta.env.PROD: a build made with NODE_ENV=test (the
// browser tests) is not PROD, yet it is the build that is deployed. After the page has loaded, so the precache does not compete with the page's
// own requests; updateViaCache "none" so a new deploy's worker is found on the next load.
export function registerServiceWorker(): void {
  if (import.meta.hot || !("serviceWorker" in navigator)) return;
  const register = () =>
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
      // no service worker (private mode, an old browser): the pages still work online
    });
  if (document.readyState === "complete") void register();
  else window.addEventListener("load", () => void register(), { once: true });
}
