// `npm run bench:flake`: does the local server answer every request when a few clients use it at once?
// A newcomer's first look (`npm start`) must not show a stray 500, so this counts every answer that is not
// the expected one. It starts its own server on 127.0.0.1 with a throw-away state (as `npm start` would,
// with the demo provinces, accounts and simulated stations posting every 3 s), signs in as a demo leader,
// then runs C concurrent clients × N requests each, cycling GET /api/v1/me, GET /api/v1/provinces (with
// the session cookie), GET / (the dashboard page) and the page's scripts and stylesheets. Bounded in count
// and time; loopback only.
//
//   npm run bench:flake -- --server built --clients 5 --requests 200
//   npm run bench:flake -- --server vite          (the hot-reloading dev server of `npm run dev`)
//   npm run bench:flake -- --url http://127.0.0.1:5173 --token <operator token>   (a server already running)
//
// Flags: --server built|vite (default built)  --clients N (5)  --requests N per client (200)
//        --pause-ms N (each client waits a random 0–N ms between requests, default 0: back to back)
//        --max-seconds N (whole load phase, default 180)  --no-simulate (no simulated stations)
//        --sim-interval-ms N (how often each simulated station posts, default 3000 as in npm start)
//        --port N (a free one)  --verbose (forward the server's log)
// Exit code 1 when any request failed (non-2xx, HTML 500, network error or timeout).
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { seedDemo, simulate } from "../scripts/lib/demo.mjs";
import { codeVersion, copySources, freePort, startMeasured } from "./lib/servers.mjs";

const { values: flags } = parseArgs({
  options: {
    server: { type: "string", default: "built" },
    url: { type: "string" },
    token: { type: "string" },
    clients: { type: "string", default: "5" },
    requests: { type: "string", default: "200" },
    "max-seconds": { type: "string", default: "180" },
    "pause-ms": { type: "string", default: "0" },
    "no-simulate": { type: "boolean", default: false },
    "sim-interval-ms": { type: "string", default: "3000" },
    port: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});
const CLIENTS = Number(flags.clients);
const REQUESTS = Number(flags.requests);
const MAX_MS = Number(flags["max-seconds"]) * 1000;
const PAUSE_MS = Number(flags["pause-ms"]);
for (const [k, v] of Object.entries({ CLIENTS, REQUESTS, MAX_MS })) {
  if (!Number.isInteger(v) || v <= 0) throw new Error(`bad --${k.toLowerCase()}`);
}
if (!(PAUSE_MS >= 0)) throw new Error("bad --pause-ms");
if (CLIENTS > 50 || REQUESTS > 5000) throw new Error("at most 50 clients × 5000 requests: this checks correctness, not capacity");
if (!flags.url && !["built", "vite"].includes(flags.server)) throw new Error("--server is built or vite");
if (flags.url && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(flags.url)) throw new Error("--url must be a loopback http URL");
if (flags.url && !flags.token) throw new Error("--url needs --token (the operator token npm start prints)");

const log = (line = "") => process.stdout.write(`${line}\n`);

let server = null;
let sources = null;
let stopSimulation = () => {};
function cleanup() {
  stopSimulation();
  server?.stop();
  sources?.remove();
  server = sources = null;
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
}
process.on("exit", cleanup);

let url;
let auth; // headers for the API requests
if (flags.url) {
  url = flags.url.replace(/\/$/, "");
  auth = { Authorization: `Bearer ${flags.token}` };
  log(`bench:flake — ${url} (already running), ${CLIENTS} clients × ${REQUESTS} requests`);
} else {
  // The shared start of every benchmark (bench/lib/servers.mjs): a copy of the sources with the dashboard's,
  // built there for --server built, on its own state and a free port; the checkout's dist/, .dev.vars and
  // .wrangler/state stay as they are, and a fresh clone needs no build first.
  const port = flags.port ? Number(flags.port) : await freePort();
  const adminToken = `flake-${randomBytes(18).toString("base64url")}`;
  const { commit, uncommittedServerChanges } = codeVersion();
  log(`bench:flake — ${flags.server} server on 127.0.0.1:${port} (${commit}${uncommittedServerChanges ? `, ${uncommittedServerChanges} uncommitted server files` : ""}), ${CLIENTS} clients × ${REQUESTS} requests${flags["no-simulate"] ? "" : ", simulated stations on"}`);
  sources = copySources(tmpdir(), { dashboard: true });
  server = await startMeasured({
    sourceDir: sources.dir,
    parent: tmpdir(),
    mode: flags.server,
    port,
    adminToken,
    log: (line) => flags.verbose && log(`  | ${line}`),
    onBuilt: (ms) => log(`  built in ${(ms / 1000).toFixed(1)} s`),
    onExit: (code, lines) => log(`server exited (${code}); last lines:\n${lines.join("\n")}`),
  });
  url = server.url;
  const call = server.adminClient(url, adminToken);
  const { stations, accounts } = await seedDemo(call, server.persistTo);
  if (!flags["no-simulate"]) stopSimulation = simulate(url, call, stations, { intervalMs: Number(flags["sim-interval-ms"]), log: (line) => flags.verbose && log(`  sim: ${line}`) });
  const leader = accounts.find((a) => a.role === "leader");
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: leader.email, password: leader.password }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  auth = { Cookie: cookie };
}

// ---------------------------------------------------------------- load

/**
 * What a browser fetches for the dashboard page besides the HTML: its entry module and stylesheets, and
 * their static imports one level down (on the vite dev server each is transformed on request and goes
 * through the worker's asset routing, which is where a dev server has the most moving parts).
 */
async function pageAssets() {
  const html = await (await fetch(`${url}/`)).text();
  const direct = [...html.matchAll(/<(?:script[^>]+src|link[^>]+href)="(\/[^"]+)"/g)].map((m) => m[1]);
  const all = new Set(direct);
  for (const path of direct.filter((p) => !p.endsWith(".css"))) {
    const code = await (await fetch(`${url}${path}`)).text();
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["'](\/[^"']+|\.{1,2}\/[^"']+)["']/g)) {
      all.add(new URL(m[1], `${url}${path}`).pathname + new URL(m[1], `${url}${path}`).search);
    }
  }
  return [...all];
}
const assets = await pageAssets();
const json = (res) => res.status === 200 && /json/.test(res.headers.get("content-type") ?? "");
const API = [
  { path: "/api/v1/me", headers: auth, ok: json },
  { path: "/api/v1/provinces", headers: auth, ok: json },
];
// Every third request is the page or one of its files, in turn, so the API keeps two thirds of the load.
const PAGE = [
  { path: "/", headers: {}, ok: (res, body) => res.status === 200 && body.includes('<div id="root"') },
  ...assets.map((path) => ({ path, headers: {}, ok: (res) => res.status === 200 && !/html/.test(res.headers.get("content-type") ?? "") })),
];
const target = (ci, i) => ((ci + i) % 3 < 2 ? API[(ci + i) % 3] : PAGE[Math.floor((ci + i) / 3) % PAGE.length]);
log(`  targets: /api/v1/me, /api/v1/provinces (signed in), / and its ${assets.length} scripts and stylesheets`);
const statuses = new Map(); // "200 application/json" | "500 text/html" | "network: …" → count
const failures = [];
const latencies = [];
let done = 0;
const deadline = Date.now() + MAX_MS;
const count = (key) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

async function one(t) {
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}${t.path}`, { headers: t.headers, signal: AbortSignal.timeout(15_000) });
    const body = await res.text();
    latencies.push(performance.now() - t0);
    const type = (res.headers.get("content-type") ?? "").split(";")[0];
    count(`${res.status} ${type}`);
    if (!t.ok(res, body)) failures.push({ path: t.path, status: res.status, type, body: body.replace(/\s+/g, " ").slice(0, 160) });
  } catch (err) {
    const reason = `${err.name === "TimeoutError" ? "timeout" : "network"}: ${err.cause?.code ?? err.message}`;
    count(reason);
    failures.push({ path: t.path, status: 0, type: "", body: reason });
  }
  done++;
}

async function client(ci) {
  for (let i = 0; i < REQUESTS && Date.now() < deadline; i++) {
    await one(target(ci, i));
    // A person reading a page pauses; connections then sit idle, which continuous load never shows.
    if (PAUSE_MS > 0) await new Promise((r) => setTimeout(r, Math.random() * PAUSE_MS));
  }
}

const t0 = Date.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
const seconds = (Date.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(0);

log(`  ${done} requests in ${seconds.toFixed(1)} s${done < CLIENTS * REQUESTS ? ` (stopped at --max-seconds; ${CLIENTS * REQUESTS} planned)` : ""}, p50 ${pct(50)} ms, p95 ${pct(95)} ms`);
log(`  answers: ${[...statuses].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(", ")}`);
const html500 = failures.filter((f) => f.status >= 500 && f.type === "text/html").length;
const fivexx = failures.filter((f) => f.status >= 500).length;
const network = failures.filter((f) => f.status === 0).length;
log(`  failed: ${failures.length} of ${done} (${((failures.length / Math.max(done, 1)) * 100).toFixed(2)} %): 5xx ${fivexx} (HTML 500 ${html500}), network/timeout ${network}, other ${failures.length - fivexx - network}`);
for (const f of failures.slice(0, 5)) log(`    ${f.path} → ${f.status || ""} ${f.type} ${f.body}`);
cleanup();
process.exit(failures.length === 0 && done === CLIENTS * REQUESTS ? 0 : 1);
