import { cloudflare } from "@cloudflare/vite-plugin";
import { build } from "esbuild";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { precacheList, versionOf } from "./web/src/offline/sw-rules.ts";

/**
 * Builds web/src/offline/sw.ts into /sw.js (a fixed name: a worker's URL is its identity) with the client
 * build's own file list as its precache. After vite's HTML plugin ("post"), so index.html is in the bundle.
 */
function stationServiceWorker(): Plugin {
  return {
    name: "station-service-worker",
    apply: "build",
    enforce: "post",
    applyToEnvironment: (environment) => environment.name === "client",
    async generateBundle(_options, bundle) {
      const precache = precacheList(Object.keys(bundle));
      const html = bundle["index.html"];
      const version = versionOf(JSON.stringify(precache) + (html?.type === "asset" ? String(html.source) : ""));
      const out = await build({
        entryPoints: ["web/src/offline/sw.ts"],
        bundle: true,
        write: false,
        format: "iife",
        minify: true,
        target: "es2020",
        define: { __PRECACHE__: JSON.stringify(precache), __VERSION__: JSON.stringify(version) },
      });
      this.emitFile({ type: "asset", fileName: "sw.js", source: out.outputFiles[0]!.text });
    },
  };
}

// One dev server for the dashboard (web/) and the worker (worker/index.ts, run in workerd by the
// Cloudflare plugin with the local D1 and Durable Objects of .wrangler/state).
export default defineConfig({
  root: "web",
  publicDir: "public",
  plugins: [
    solid(),
    stationServiceWorker(),
    // LOCAL_STATE_DIR lets the browser tests run on their own throw-away D1 and Durable Objects.
    cloudflare({ configPath: "../wrangler.toml", persistState: { path: process.env.LOCAL_STATE_DIR ?? "../.wrangler/state" } }),
  ],
  build: { outDir: "../dist", emptyOutDir: true },
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
});
