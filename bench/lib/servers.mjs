// One way for every benchmark to start a measured server: `wrangler dev` on 127.0.0.1 with its own
// fresh state, from a copy of the sources taken at start. `wrangler dev` reloads when a watched file
// changes, and this tree is edited while benchmarks run; the copy also gives wrangler the `[assets]`
// directory it refuses to start without (a fresh clone has no build). The copy brings its own
// scripts/lib, whose ROOT is then the copy (node_modules is linked, not copied).
//
// Three modes: "wrangler" (the worker alone, its assets an empty directory: bench:live, bench:report, and
// the floor and peer by their `config`), "built" (the dashboard built from the copy by `vite build`,
// served as deployed: bench:flake) and "vite" (the hot-reloading dev server of `npm run dev`, on the
// copy: bench:flake --server vite). The dashboard modes copy web/ and vite.config.ts as well.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { pathToFileURL } from "node:url";
import { ROOT } from "../../scripts/lib/local-server.mjs";

const PARTS = ["wrangler.toml", "package.json", "tsconfig.json", "worker", "schema", "migrations", "scripts/lib", "bench/floor", "bench/peer", "bench/growth"];
const DASHBOARD_PARTS = ["web", "vite.config.ts"];
const MODES = ["wrangler", "built", "vite"];

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The commit measured, and whether the server's code differed from it (read-only git). */
export function codeVersion() {
  const git = (...args) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  const changed = git("status", "--porcelain", "--", "worker", "schema", "wrangler.toml", "migrations", "scripts/lib", "bench/floor", "bench/peer", "bench/growth");
  return { commit: git("rev-parse", "--short", "HEAD") || null, uncommittedServerChanges: changed ? changed.split("\n").length : 0 };
}

/** A copy of the server's sources in `parent` (with the dashboard's when `dashboard`); removed by the returned function. */
export function copySources(parent, { dashboard = false } = {}) {
  const dir = mkdtempSync(`${parent}/bench-src-`);
  for (const part of dashboard ? [...PARTS, ...DASHBOARD_PARTS] : PARTS) if (existsSync(`${ROOT}${part}`)) cpSync(`${ROOT}${part}`, `${dir}/${part}`, { recursive: true });
  symlinkSync(`${ROOT}node_modules`, `${dir}/node_modules`, "dir");
  // The API needs none of the dashboard's build, but wrangler refuses to start without the directory.
  mkdirSync(`${dir}/dist/client`, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts a server from the copy in `sourceDir`: in mode "wrangler", the product (`config` omitted,
 * migrations applied to its fresh state) or another worker's config relative to it
 * (bench/floor/wrangler.toml); in mode "built" or "vite" the product with its dashboard (the copy made
 * with `dashboard: true`; "built" builds it first, `onBuilt` hears how long that took). Resolves once it
 * answers; `onExit` hears of an early exit.
 */
export async function startMeasured({ sourceDir, parent, mode = "wrangler", config, adminToken, port, inspectorPort, log = () => {}, onExit, onBuilt }) {
  if (!MODES.includes(mode)) throw new Error(`unknown server mode ${mode}`);
  if (mode !== "wrangler" && (config || inspectorPort)) throw new Error(`mode ${mode} serves the product only, without an inspector`);
  if (mode !== "wrangler" && !existsSync(`${sourceDir}/web`)) throw new Error(`mode ${mode} needs copySources(parent, { dashboard: true })`);
  const lib = await import(pathToFileURL(`${sourceDir}/scripts/lib/local-server.mjs`).href);
  let distDir;
  if (mode === "built") {
    const t0 = Date.now();
    // Into the copy, so a running `npm start` keeps the dist/ it serves.
    distDir = lib.buildDashboard({ outDir: `${sourceDir}/dist` });
    onBuilt?.(Date.now() - t0);
  }
  // The vite dev server's worker reads its variables from .dev.vars beside wrangler.toml (the copy's).
  if (mode === "vite") writeFileSync(`${sourceDir}/.dev.vars`, `ADMIN_TOKEN=${adminToken}\n`, { mode: 0o600 });
  const persistTo = mkdtempSync(`${parent}/bench-state-`);
  if (!config) lib.applyMigrations(persistTo);
  const lines = [];
  const server = lib.startServer({
    mode,
    distDir,
    config: config && `${sourceDir}/${config}`,
    extraArgs: inspectorPort ? ["--inspector-port", String(inspectorPort), "--inspector-ip", "127.0.0.1"] : [],
    port: port ?? (await freePort()),
    persistTo,
    adminToken,
    log: (line) => {
      lines.push(line);
      log(line);
    },
  });
  let stopped = false;
  server.child.on("exit", (code) => {
    if (!stopped) onExit?.(code, lines.slice(-20));
  });
  const stop = () => {
    stopped = true;
    server.stop();
    try {
      rmSync(persistTo, { recursive: true, force: true });
    } catch {
      // workerd may still hold a file for a moment; the OS temp dir reclaims it
    }
  };
  try {
    await lib.waitUntilReady(server.url);
  } catch (err) {
    stop();
    throw new Error(`${err.message}; server log:\n${lines.slice(-20).join("\n")}`);
  }
  return { url: server.url, inspectorPort, pid: server.child.pid, persistTo, lines, stop, adminClient: lib.adminClient };
}
