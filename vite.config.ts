import { cloudflare } from "@cloudflare/vite-plugin";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// One dev server for the dashboard (web/) and the worker (worker/index.ts, run in workerd by the
// Cloudflare plugin with the local D1 and Durable Objects of .wrangler/state).
export default defineConfig({
  root: "web",
  publicDir: "public",
  plugins: [
    solid(),
    // LOCAL_STATE_DIR lets the browser tests run on their own throw-away D1 and Durable Objects.
    cloudflare({ configPath: "../wrangler.toml", persistState: { path: process.env.LOCAL_STATE_DIR ?? "../.wrangler/state" } }),
  ],
  build: { outDir: "../dist", emptyOutDir: true },
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
});
