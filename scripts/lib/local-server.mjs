// Starting the app locally on the embedded workerd with local D1: used by `npm start` and the benchmarks.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/**
 * The seeds' plan tables (demo data, benchmarks): `../shared/fixtures` beside the checkout, or, for a
 * clone made elsewhere on a machine of this kind (a fresh clone in /tmp), the shared directory's own place.
 */
export const FIXTURES = [`${ROOT}../shared/fixtures/`, "/work/shared/fixtures/"].find((dir) => existsSync(dir)) ?? `${ROOT}../shared/fixtures/`;
const BIN = (name) => `${ROOT}node_modules/.bin/${name}`;
const QUIET_ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", FORCE_COLOR: "0" };

/** The admin token lives in .dev.vars (git-ignored), made once per checkout. */
export function ensureDevVars() {
  // An ADMIN_TOKEN from the environment (tests, CI) wins over .dev.vars.
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const path = `${ROOT}.dev.vars`;
  if (!existsSync(path)) writeFileSync(path, `ADMIN_TOKEN=${randomBytes(24).toString("base64url")}\n`, { mode: 0o600 });
  const m = /^ADMIN_TOKEN=(.+)$/m.exec(readFileSync(path, "utf8"));
  if (!m) throw new Error(".dev.vars has no ADMIN_TOKEN line");
  return m[1].trim();
}

export function applyMigrations(persistTo) {
  const args = ["d1", "migrations", "apply", "archive-digitization", "--local"];
  if (persistTo) args.push("--persist-to", persistTo);
  const r = spawnSync(BIN("wrangler"), args, { cwd: ROOT, env: QUIET_ENV, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrations failed:\n${r.stdout}\n${r.stderr}`);
}

/** The directory the Cloudflare vite plugin writes the bundled worker and its wrangler.json to (from `name`). */
const WORKER_DIR = "archive_digitization";

/**
 * The production build (`vite build` with the Cloudflare plugin): `<outDir>/client` is the dashboard and
 * `<outDir>/archive_digitization` the bundled worker with the wrangler.json that `wrangler deploy` uses.
 * A separate outDir lets the browser tests build without replacing the dist/ a running `npm start` serves.
 */
export function buildDashboard({ outDir = `${ROOT}dist` } = {}) {
  const r = spawnSync(BIN("vite"), ["build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], { cwd: ROOT, env: QUIET_ENV, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  // The plugin copies .dev.vars beside the built worker for `vite preview`; the token is passed explicitly instead.
  rmSync(`${outDir}/${WORKER_DIR}/.dev.vars`, { force: true });
  return outDir;
}

/**
 * mode "built": the output of buildDashboard() on `wrangler dev`, as it is deployed (npm start, browser
 * tests). The vite dev server's proxy to workerd answered an HTML 500 "fetch failed" now and then under
 * a few concurrent clients (BENCHMARKS.md, bench:flake), so a first look and the tests must not run on it.
 * mode "vite": the hot-reloading dev server (`npm run dev`); bench:flake compares the two.
 * mode "wrangler": the worker alone from its sources with the built assets skipped (benchmarks); `config`
 * another worker's wrangler.toml (the benchmarks' floor and peer).
 */
export function startServer({ mode, config, extraArgs = [], port, persistTo, adminToken, distDir = `${ROOT}dist`, logLevel = "warn", log = () => {} }) {
  const state = persistTo ?? `${ROOT}.wrangler/state`;
  const quiet = ["--log-level", logLevel, "--show-interactive-dev-session=false"];
  const args =
    mode === "vite"
      ? [BIN("vite"), ["--port", String(port), "--strictPort"]]
      : mode === "built"
        ? [
            BIN("wrangler"),
            // --test-scheduled: cron triggers never fire locally; GET /__scheduled?cron=0+0+*+*+* runs one.
            ["dev", "-c", `${distDir}/${WORKER_DIR}/wrangler.json`, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--var", `ADMIN_TOKEN:${adminToken}`, "--test-scheduled", ...quiet],
          ]
        : [BIN("wrangler"), ["dev", ...(config ? ["-c", config] : []), "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo, "--var", `ADMIN_TOKEN:${adminToken}`, ...extraArgs, ...quiet]];
  const env = mode === "vite" && persistTo ? { ...QUIET_ENV, LOCAL_STATE_DIR: persistTo } : QUIET_ENV;
  const child = spawn(args[0], args[1], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const forward = (chunk) => {
    for (const line of String(chunk).split("\n")) {
      if (line.trim() && !/Request\.cf|getaddrinfo|ENOTFOUND|at GetAddrInfo|nodedir/.test(line)) log(line);
    }
  };
  child.stdout.on("data", forward);
  child.stderr.on("data", forward);
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  return { child, stop, url: `http://127.0.0.1:${port}` };
}

export async function waitUntilReady(url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/v1/openapi.json`); // public: no credentials needed
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not become ready in ${timeoutMs} ms`);
}

/** Until nothing answers at `url` any more: the port is free for a server started again on it. */
export async function waitUntilStopped(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`${url}/api/v1/openapi.json`, { signal: AbortSignal.timeout(1000) });
    } catch {
      return; // refused: stopped
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} still answers after ${timeoutMs} ms`);
}

/** A small admin client over the HTTP API (the same routes an administrator's tools use). */
export function adminClient(url, adminToken) {
  return async function call(method, path, body) {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}
