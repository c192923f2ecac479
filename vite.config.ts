import { cloudflare } from "@cloudflare/vite-plugin";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// One dev server for the dashboard (web/) and the worker (worker/index.ts, run in workerd by the
// Cloudflare plugin with the local D1 and Durable Objects of .wrangler/state).
export default defineConfig({
  root: "web",
  publicDir: "public",
  plugins: [solid(), cloudflare({ configPath: "../wrangler.toml", persistState: { path: "../.wrangler/state" } })],
  build: { outDir: "../dist", emptyOutDir: true },
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
});
