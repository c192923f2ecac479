// Installs the service worker (sw.ts) in the production build only: in `vite dev` it would serve stale
// modules over hot reload. updateViaCache "none" so a new deploy's worker is found on the next load.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
      // no service worker (private mode, an old browser): the pages still work online
    });
  });
}
