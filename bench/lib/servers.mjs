// One way for every benchmark to start a measured server: `wrangler dev` on 127.0.0.1 with its own
// fresh state, from a copy of the sources taken at start. `wrangler dev` reloads when a watched file
// changes, and this tree is edited while benchmarks run; the copy also gives wrangler the `[assets]`
// directory it refuses to start without (a fresh clone has no build). The copy brings its own
// scripts/lib, whose ROOT is then the copy (node_modules is linked, not copied).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { pathToFileURL } from "node:url";
import { ROOT } from "../../scripts/lib/local-server.mjs";

const PARTS = ["wrangler.toml", "package.json", "tsconfig.json", "worker", "schema", "migrations", "scripts/lib", "bench/floor", "bench/peer", "bench/growth"];

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

/** A copy of the server's sources in `parent`; removed by the returned function. */
export function copySources(parent) {
  const dir = mkdtempSync(`${parent}/bench-src-`);
  for (const part of PARTS) if (existsSync(`${ROOT}${part}`)) cpSync(`${ROOT}${part}`, `${dir}/${part}`, { recursive: true });
  symlinkSync(`${ROOT}node_modules`, `${dir}/node_modules`, "dir");
  // The API needs none of the dashboard's build, but wrangler refuses to start without the directory.
  mkdirSync(`${dir}/dist/client`, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `wrangler dev` from the copy in `sourceDir`: the product (`config` omitted, migrations applied
 * to its fresh state) or another worker's config relative to it (bench/floor/wrangler.toml). Resolves
 * once it answers; `onExit` hears of an early exit.
 */
export async function startMeasured({ sourceDir, parent, config, adminToken, port, inspectorPort, log = () => {}, onExit }) {
  const lib = await import(pathToFileURL(`${sourceDir}/scripts/lib/local-server.mjs`).href);
  const persistTo = mkdtempSync(`${parent}/bench-state-`);
  if (!config) lib.applyMigrations(persistTo);
  const lines = [];
  const server = lib.startServer({
    mode: "wrangler",
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
