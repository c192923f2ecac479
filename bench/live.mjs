// `npm run bench:live`: the live core under load, against its own local server (wrangler dev, local workerd).
// Concurrent stations post batches of counters while WebSocket watchers of the same project follow the feed;
// prints accepted events/s, post→delivery latency p50/p95/p99, and checks that every watcher ends exact.
//
//   npm run bench:live -- --seconds 20 --posters 8 --watchers 200 --batch 100
//
// Flags: --seconds N (posting time measured, default 20)  --warmup N (posting before measuring, default 2)
//        --posters N (8)  --watchers N (200)  --batch N (100, max 500)  --port N (a free one)
//        --rate N (open loop: offer N events/s in total, each batch sent on schedule whether or not the
//        previous one was answered, latency counted from the scheduled time; default: closed loop, each
//        poster sends its next batch as soon as the previous one is answered)
//        --audience leader|operator (watchers sign in as a project leader with a session cookie, the
//        default, or use the operator ADMIN_TOKEN)
//        --full-parse (every watcher JSON.parses every frame; default: watcher 0 does, the others read
//        only the header `{"type":"delta","from":…,"seq":…` — the bench shares the 2 cores with the server)
//        --no-deflate (watchers do not offer permessage-deflate; Node's WebSocket, like browsers, always does)
//        --fonds-per-batch N (each batch spreads over N random fonds; default: any of the plan's, per event)
//        --state-dir DIR (parent of the fresh --persist-to dir, default the OS temp dir)
//        --verbose (forward the server's log)  --strict (exit 1 when a target is missed)
// Results also go to bench/results/live-<timestamp>.json (git-ignored). The server runs from a copy of the
// sources taken at start (worker/, schema/, migrations/, wrangler.toml), so edits made meanwhile do not reload
// it mid-run; the watchers run on a worker thread (bench/lib/watchers.mjs), so frames are timed as they arrive.
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { ROOT } from "../scripts/lib/local-server.mjs";
import { machineCpu, percentile, processGroupCpu } from "./lib/stats.mjs";
import { clock, startWatchers } from "./lib/watchers.mjs";

const TARGET_EVENTS_PER_S = 5000;
const TARGET_P95_MS = 150;
const KINDS = ["files", "documents", "pages"];
const FIXTURE = ["../shared/fixtures/hatinh-2021-results.tsv", "/work/shared/fixtures/hatinh-2021-results.tsv"]
  .map((p) => (p.startsWith("/") ? p : `${ROOT}${p}`))
  .find((p) => existsSync(p));

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "2" },
    posters: { type: "string", default: "8" },
    watchers: { type: "string", default: "200" },
    batch: { type: "string", default: "100" },
    port: { type: "string" },
    "state-dir": { type: "string", default: tmpdir() },
    rate: { type: "string" },
    audience: { type: "string", default: "leader" },
    "full-parse": { type: "boolean", default: false },
    "no-deflate": { type: "boolean", default: false },
    "fonds-per-batch": { type: "string" },
    verbose: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
  },
});
const SECONDS = Number(flags.seconds);
const WARMUP = Number(flags.warmup);
const POSTERS = Number(flags.posters);
const WATCHERS = Number(flags.watchers);
const BATCH = Number(flags.batch);
const FULL_PARSE = flags["full-parse"];
const RATE = flags.rate === undefined ? null : Number(flags.rate);
const AUDIENCE = flags.audience;
const NO_DEFLATE = flags["no-deflate"];
const FONDS_PER_BATCH = flags["fonds-per-batch"] === undefined ? null : Number(flags["fonds-per-batch"]);
if (FONDS_PER_BATCH !== null && !(Number.isInteger(FONDS_PER_BATCH) && FONDS_PER_BATCH > 0)) throw new Error("bad --fonds-per-batch");
if (RATE !== null && !(RATE > 0)) throw new Error("bad --rate");
if (!["leader", "operator"].includes(AUDIENCE)) throw new Error("--audience is leader or operator");
for (const [k, v] of Object.entries({ SECONDS, WARMUP, POSTERS, WATCHERS, BATCH })) {
  if (!Number.isFinite(v) || v < 0 || (k !== "WARMUP" && v <= 0)) throw new Error(`bad --${k.toLowerCase()}`);
}
if (BATCH > 500) throw new Error("--batch is at most 500 (the API's limit)");
if (!FIXTURE) throw new Error("plan fixture hatinh-2021-results.tsv not found in ../shared/fixtures");

const log = (line = "") => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = clock; // absolute ms, comparable with the watcher thread's frame times

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- server lifecycle

const stateParent = flags["state-dir"].replace(/\/$/, "");
const persistTo = mkdtempSync(`${stateParent}/bench-live-`);
let sourceDir = null;

/**
 * `wrangler dev` rebuilds and reloads whenever a watched source file changes, and this working tree is
 * edited while benchmarks run; so the server runs from a copy of the sources taken at start. The copy
 * brings its own scripts/lib, whose ROOT is then the copy (node_modules is linked, not copied).
 */
function snapshotSources() {
  const dir = mkdtempSync(`${stateParent}/bench-live-src-`);
  for (const part of ["wrangler.toml", "package.json", "tsconfig.json", "worker", "schema", "migrations", "scripts/lib"]) {
    if (existsSync(`${ROOT}${part}`)) cpSync(`${ROOT}${part}`, `${dir}/${part}`, { recursive: true });
  }
  symlinkSync(`${ROOT}node_modules`, `${dir}/node_modules`, "dir");
  // wrangler.toml points [assets] at the vite build; the API needs none of it, but wrangler refuses to
  // start without the directory, so an empty one stands in.
  mkdirSync(`${dir}/dist/client`, { recursive: true });
  return dir;
}
const adminToken = randomBytes(24).toString("base64url");
const serverLog = [];
let server = null;
let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  void watcherThread?.close().catch(() => {});
  server?.stop();
  for (const dir of [persistTo, sourceDir]) {
    try {
      if (dir) rmSync(dir, { recursive: true, force: true });
    } catch {
      // workerd may still hold a file for a moment; the OS temp dir reclaims it
    }
  }
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    log(`\n${sig}: stopping the server`);
    cleanup();
    process.exit(130);
  });
}
process.on("exit", cleanup);

let watcherThread = null;

// ---------------------------------------------------------------- run

const startedAt = new Date();
const port = flags.port ? Number(flags.port) : await freePort();
log(
  `bench:live — ${WATCHERS} ${AUDIENCE} watchers, ${POSTERS} posters × batches of ${BATCH}, ${RATE === null ? "closed loop" : `open loop at ${RATE} events/s`}, ${SECONDS} s (+${WARMUP} s warm-up)`,
);
const code = codeVersion();
log(`  local server: wrangler dev on 127.0.0.1:${port}, state in ${persistTo}`);
log(`  code: ${code.commit ?? "?"}${code.uncommittedServerChanges ? ` + ${code.uncommittedServerChanges} uncommitted server files` : ""}, run from a copy taken now (edits meanwhile do not reload it)`);
let exitCode = 0;
try {
  sourceDir = snapshotSources();
  const { adminClient, applyMigrations, startServer, waitUntilReady } = await import(pathToFileURL(`${sourceDir}/scripts/lib/local-server.mjs`).href);
  applyMigrations(persistTo);
  server = startServer({
    mode: "wrangler",
    port,
    persistTo,
    adminToken,
    log: (line) => {
      serverLog.push(line);
      if (flags.verbose) log(`  [server] ${line}`);
    },
  });
  server.child.on("exit", (code) => {
    if (!cleanedUp) {
      console.error(`wrangler dev exited early (${code}); last lines:\n${serverLog.slice(-20).join("\n")}`);
      process.exit(1);
    }
  });
  await waitUntilReady(server.url);
  const result = await run(server.url, adminClient);
  exitCode = result.exitCode;
} catch (err) {
  console.error(`bench failed: ${err.stack ?? err}`);
  if (serverLog.length) console.error(`server log (last lines):\n${serverLog.slice(-20).join("\n")}`);
  exitCode = 1;
} finally {
  await watcherThread?.close().catch(() => {});
  watcherThread = null;
  cleanup();
}
process.exit(exitCode);

async function run(url, adminClient) {
  const call = adminClient(url, adminToken);
  const projectId = "bench-live";
  await call("POST", "/provinces", { id: "bench", name: "Tỉnh thử tải" });
  await call("POST", "/provinces/bench/projects", { id: projectId, name: "Thử tải luồng trực tiếp", periodStart: "2026-01-01", periodEnd: "2027-12-31" });
  await call("POST", `/projects/${projectId}/plan/import`, { table: readFileSync(FIXTURE, "utf8"), target: "both" });
  const stations = [];
  for (let i = 0; i < POSTERS; i++) stations.push(await call("POST", `/projects/${projectId}/stations`, { name: `Trạm thử ${String(i + 1).padStart(2, "0")}` }));
  // Watchers are what dashboards are: a signed-in project leader (cookie session), or the operator token.
  let watcherHeaders = { Authorization: `Bearer ${adminToken}` };
  if (AUDIENCE === "leader") {
    const email = "lanhdao@thutai.vn";
    const password = randomBytes(12).toString("base64url");
    await call("POST", "/users", { email, name: "Lãnh đạo thử tải", password });
    await call("POST", `/projects/${projectId}/members`, { email, role: "leader" });
    const res = await fetch(`${url}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
    const cookie = /^([^=;\s]+=[^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    if (!res.ok || !cookie) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
    watcherHeaders = { Cookie: cookie };
  }
  const snapshotNow = async () => {
    const res = await fetch(`${url}/api/v1/projects/${projectId}/snapshot`, { headers: watcherHeaders });
    if (!res.ok) throw new Error(`GET snapshot: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const initial = await snapshotNow();
  const fondsCodes = initial.fonds.map((f) => f.code);
  log(`  project ${projectId}: ${fondsCodes.length} fonds, ${stations.length} stations, kinds ${KINDS.join("/")}`);

  // Watchers first (on their own thread), each with its snapshot; then let the presence storm of joins settle.
  const wsUrl = `${url.replace(/^http/, "ws")}/api/v1/projects/${projectId}/live`;
  watcherThread = await startWatchers({ url: wsUrl, count: WATCHERS, headers: watcherHeaders, fullParse: FULL_PARSE, noDeflate: NO_DEFLATE });
  const { connectMs } = watcherThread.ready;
  await watcherThread.quiet(500, 15_000);
  log(
    `  ${WATCHERS} watchers hold their snapshot (seq ${watcherThread.ready.seq}) after ${connectMs.toFixed(0)} ms; WebSocket extensions: ${watcherThread.ready.extensions || "none"}`,
  );

  // Posters: one station each, closed loop (back to back) or open loop (--rate), until the end.
  const runTag = randomBytes(4).toString("hex");
  const batches = []; // { poster, t0, t1, seq, accepted, measured }
  const expected = new Map(); // fonds\0kind → amount posted in accepted batches
  let expectedSum = 0;
  const posts = { ok: 0, non2xx: 0, networkErrors: 0, statuses: {}, duplicates: 0, partial: 0 };
  const tStart = now();
  const tMeasure = tStart + WARMUP * 1000;
  const tEnd = tMeasure + SECONDS * 1000;
  const cpuGroup0 = processGroupCpu(server.child.pid);
  const cpuSelf0 = process.cpuUsage();
  const machine0 = machineCpu();
  let cpuGroupAtMeasure = null;
  let cpuSelfAtMeasure = null;
  let machineAtMeasure = null;
  const measureMark = setTimeout(() => {
    cpuGroupAtMeasure = processGroupCpu(server.child.pid);
    cpuSelfAtMeasure = process.cpuUsage();
    machineAtMeasure = machineCpu();
  }, WARMUP * 1000);

  async function postBatch(p, n, headers, scheduledAt) {
    const events = [];
    const sums = [];
    const pick = (codes) => codes[Math.floor(Math.random() * codes.length)];
    const pool = FONDS_PER_BATCH === null ? fondsCodes : Array.from({ length: FONDS_PER_BATCH }, () => pick(fondsCodes));
    for (let i = 0; i < BATCH; i++) {
      const fonds = pick(pool);
      const kind = KINDS[Math.floor(Math.random() * KINDS.length)];
      const delta = 1 + Math.floor(Math.random() * 5);
      events.push({ id: `${runTag}-${p}-${n}-${i}`, fonds, kind, delta });
      sums.push([`${fonds}\u0000${kind}`, delta]);
    }
    const body = JSON.stringify({ events });
    const sentAt = now();
    const t0 = scheduledAt ?? sentAt; // open loop: from the schedule, so a backlog counts (no coordinated omission)
    let res;
    let text;
    try {
      res = await fetch(`${url}/api/v1/projects/${projectId}/counters`, { method: "POST", headers, body });
      text = await res.text();
    } catch {
      posts.networkErrors++;
      return 50;
    }
    const t1 = now();
    posts.statuses[res.status] = (posts.statuses[res.status] ?? 0) + 1;
    if (!res.ok) {
      posts.non2xx++;
      if (posts.non2xx <= 3) log(`  poster ${p}: ${res.status} ${text.slice(0, 200)}`);
      return res.status === 429 ? Number(res.headers.get("retry-after") ?? 1) * 1000 : 50;
    }
    posts.ok++;
    const r = JSON.parse(text);
    posts.duplicates += r.duplicates;
    if (r.accepted !== events.length) posts.partial++;
    else
      for (const [key, d] of sums) {
        expected.set(key, (expected.get(key) ?? 0) + d);
        expectedSum += d;
      }
    batches.push({ poster: p, t0, sentAt, t1, seq: r.seq, accepted: r.accepted, measured: t0 >= tMeasure });
    return 0;
  }

  /** Closed loop: the next batch as soon as the previous one is answered (after a 429, its Retry-After). */
  async function closedPoster(p, station) {
    const headers = { Authorization: `Bearer ${station.token}`, "Content-Type": "application/json" };
    for (let n = 0; now() < tEnd; n++) {
      const backoff = await postBatch(p, n, headers, null);
      if (backoff > 0) await sleep(backoff);
    }
  }

  /** Open loop: batches on a fixed schedule (RATE events/s over all posters), answered or not. */
  async function openPoster(p, station) {
    const headers = { Authorization: `Bearer ${station.token}`, "Content-Type": "application/json" };
    const interval = ((POSTERS * BATCH) / RATE) * 1000;
    const inFlight = new Set();
    for (let n = 0; ; n++) {
      const due = tStart + (p / POSTERS) * interval + n * interval;
      if (due >= tEnd) break;
      if (due > now()) await sleep(due - now());
      if (inFlight.size >= 64) await Promise.race(inFlight); // a bound on sockets; the backlog still counts from `due`
      const req = postBatch(p, n, headers, due).finally(() => inFlight.delete(req));
      inFlight.add(req);
    }
    await Promise.all(inFlight);
  }

  const poster = RATE === null ? closedPoster : openPoster;
  await Promise.all(stations.map((st, p) => poster(p, st)));
  clearTimeout(measureMark);
  const tPostEnd = now();
  const cpuGroup1 = processGroupCpu(server.child.pid);
  const cpuSelf1 = process.cpuUsage(cpuSelfAtMeasure ?? cpuSelf0);
  const machine1 = machineCpu();

  // Every watcher must reach the last seq; then the totals must be exact.
  const finalSeq = batches.reduce((m, b) => Math.max(m, b.seq), watcherThread.ready.seq);
  const { behind, closed } = await watcherThread.waitSeq(finalSeq, 30_000);
  const drainMs = now() - tPostEnd;
  const watchers = (await watcherThread.collect()).map((w) => ({ ...w, totals: w.totals && new Map(w.totals) }));

  const httpSnap = await snapshotNow();
  const acceptedAll = batches.reduce((s, b) => s + b.accepted, 0);
  const exact = checkExact({ watchers, httpSnap, initial, expected, expectedSum, acceptedAll, finalSeq, partial: posts.partial });

  // D1 write-through (the outbox): how long after the last post D1 holds every event.
  const d1 = await d1CatchUp(projectId, acceptedAll, tPostEnd);

  // Latency: for each measured batch × watcher, when that watcher first held seq ≥ the batch's seq.
  const measured = batches.filter((b) => b.measured);
  const latencies = new Float64Array(measured.length * watchers.length);
  let k = 0;
  let undelivered = 0;
  for (const b of measured) {
    for (const w of watchers) {
      const at = reachedAt(w, b.seq);
      if (at === null) undelivered++;
      else latencies[k++] = at - b.t0;
    }
  }
  const lat = latencies.subarray(0, k).sort();
  const rtt = Float64Array.from(measured, (b) => b.t1 - b.sentAt).sort();
  const measuredEvents = measured.reduce((s, b) => s + b.accepted, 0);
  const measuredWall = (measured.length ? Math.max(...measured.map((b) => b.t1)) : tEnd) - tMeasure;
  const eventsPerS = measuredEvents / (measuredWall / 1000);
  const framesInWindow = watchers[0].times.filter((t) => t >= tMeasure && t <= tPostEnd).length;
  const cpuWindowS = (tPostEnd - (cpuGroupAtMeasure ? tMeasure : tStart)) / 1000;
  const groupCpu = diffCpu(cpuGroupAtMeasure ?? cpuGroup0, cpuGroup1, cpuWindowS);
  const selfCpuPct = ((cpuSelf1.user + cpuSelf1.system) / 1e6 / cpuWindowS) * 100;
  const m0 = machineAtMeasure ?? machine0;
  const machinePct = m0 && machine1 ? ((machine1.busy - m0.busy) / (machine1.total - m0.total)) * cpus().length * 100 : null;
  const otherPct = machinePct === null ? null : Math.max(0, machinePct - groupCpu.total - selfCpuPct);

  const gaps = watchers.reduce((s, w) => s + w.gaps, 0);
  const ms = (x) => (x === undefined || Number.isNaN(x) ? "n/a" : `${x.toFixed(0)} ms`);
  const result = {
    startedAt: startedAt.toISOString(),
    command: `npm run bench:live -- ${process.argv.slice(2).join(" ")}`.trim(),
    code,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, server: "wrangler dev (local workerd)" },
    config: { seconds: SECONDS, warmup: WARMUP, posters: POSTERS, watchers: WATCHERS, batch: BATCH, rate: RATE, audience: AUDIENCE, fullParse: FULL_PARSE, noDeflate: NO_DEFLATE, fondsPerBatch: FONDS_PER_BATCH, fonds: fondsCodes.length },
    posts: { ...posts, measuredBatches: measured.length },
    throughput: { acceptedEvents: measuredEvents, wallS: measuredWall / 1000, eventsPerS, target: TARGET_EVENTS_PER_S, ratio: eventsPerS / TARGET_EVENTS_PER_S },
    latencyMs: {
      samples: lat.length,
      undelivered,
      p50: percentile(lat, 50),
      p95: percentile(lat, 95),
      p99: percentile(lat, 99),
      max: lat[lat.length - 1],
      targetP95: TARGET_P95_MS,
      ratioP95: percentile(lat, 95) / TARGET_P95_MS,
    },
    postRoundTripMs: { p50: percentile(rtt, 50), p95: percentile(rtt, 95), p99: percentile(rtt, 99), max: rtt[rtt.length - 1] },
    feed: {
      framesPerS: framesInWindow / (SECONDS || 1),
      eventsPerFrame: framesInWindow ? measuredEvents / framesInWindow : null,
      cellsPerFrame: watchers[0].frames ? watchers[0].cells / watchers[0].frames : null,
      bytesPerWatcher: watchers[0].bytes,
      bytesPerFrame: watchers[0].frames ? watchers[0].deltaBytes / watchers[0].frames : null,
      gaps,
      watchersBehind: behind,
      watchersClosed: closed,
      drainMs,
      connectMs,
      extensions: watcherThread.ready.extensions,
    },
    exactness: exact,
    d1,
    cpuPercent: { serverGroup: groupCpu, benchClient: selfCpuPct, machine: machinePct, otherProcesses: otherPct, ofTotal: cpus().length * 100 },
    loadAverage: loadavg(),
    serverLogLines: serverLog.length,
    serverLogTail: serverLog.slice(-20),
  };

  const fmt = (n) => Math.round(n).toLocaleString("en-US");
  const thrOk = eventsPerS >= TARGET_EVENTS_PER_S;
  const latOk = result.latencyMs.p95 <= TARGET_P95_MS;
  log("");
  log(`  posts             ${posts.ok} 2xx, ${posts.non2xx} non-2xx${posts.networkErrors ? `, ${posts.networkErrors} network errors` : ""}  (${measured.length} measured batches, ${posts.duplicates} duplicates)`);
  log(`  throughput        ${fmt(eventsPerS)} accepted events/s   target ≥ ${fmt(TARGET_EVENTS_PER_S)}: ${(eventsPerS / TARGET_EVENTS_PER_S).toFixed(2)}× ${thrOk ? "OK" : "MISSED"}`);
  log(`  post→delivery     p50 ${ms(result.latencyMs.p50)}  p95 ${ms(result.latencyMs.p95)}  p99 ${ms(result.latencyMs.p99)}  max ${ms(result.latencyMs.max)}   target p95 ≤ ${TARGET_P95_MS} ms: ${latOk ? "OK" : "MISSED"}`);
  log(`                    (${fmt(lat.length)} batch×watcher samples${undelivered ? `, ${undelivered} never delivered` : ""})`);
  log(`  POST round trip   p50 ${ms(result.postRoundTripMs.p50)}  p95 ${ms(result.postRoundTripMs.p95)}  p99 ${ms(result.postRoundTripMs.p99)}`);
  log(`  feed              ${result.feed.framesPerS.toFixed(1)} frames/s, ${(result.feed.eventsPerFrame ?? 0).toFixed(0)} events and ${(result.feed.cellsPerFrame ?? 0).toFixed(0)} cells (${((result.feed.bytesPerFrame ?? 0) / 1024).toFixed(1)} KiB) per frame, ${gaps} seq gaps, ${closed ? `${closed} sockets CLOSED by the server, ` : ""}${behind ? `${behind} of ${WATCHERS} watchers NEVER reached seq ${finalSeq}` : `all ${WATCHERS} at seq ${finalSeq} ${ms(drainMs)} after the last post`}`);
  log(`  exactness         ${exact.ok ? "OK" : "MISMATCH"} — ${exact.detail}`);
  log(`  D1 write-through  ${d1.ok ? `all ${fmt(d1.events)} events in D1 ${ms(d1.lagMs)} after the last post` : d1.detail}`);
  log(`  CPU (of ${cpus().length * 100} %)    server ${groupCpu.total.toFixed(0)} % (${Object.entries(groupCpu.byName).map(([n, v]) => `${n} ${v.toFixed(0)}`).join(", ")}), bench client ${selfCpuPct.toFixed(0)} %${otherPct === null ? "" : `, other processes ${otherPct.toFixed(0)} %`}`);
  if (otherPct !== null && otherPct > 25) log(`  WARNING           other processes used ${otherPct.toFixed(0)} % CPU during the run: these figures understate the server`);
  const resultsDir = `${ROOT}bench/results`;
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}/live-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`  results           ${file.slice(ROOT.length)}`);
  if (serverLog.length && !flags.verbose) log(`  server log        ${serverLog.length} lines, last: ${serverLog[serverLog.length - 1].slice(0, 160)}`);

  const broken = !exact.ok || gaps > 0 || behind > 0 || closed > 0 || posts.non2xx > 0 || posts.networkErrors > 0;
  return { exitCode: broken || (flags.strict && !(thrOk && latOk)) ? 1 : 0 };
}

/** When watcher `w` first held a seq ≥ `seq` (its frames' seqs ascend), or null. */
function reachedAt(w, seq) {
  let lo = 0;
  let hi = w.seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.seqs[mid] >= seq) hi = mid;
    else lo = mid + 1;
  }
  return lo < w.seqs.length ? w.times[lo] : null;
}

function checkExact({ watchers, httpSnap, initial, expected, expectedSum, acceptedAll, finalSeq, partial }) {
  const problems = [];
  const http = new Map(httpSnap.totals.map((r) => [`${r.fonds}\u0000${r.kind}`, r.amount]));
  const before = new Map(initial.totals.map((r) => [`${r.fonds}\u0000${r.kind}`, r.amount]));
  const w = watchers[0];
  const keys = new Set([...http.keys(), ...w.totals.keys(), ...expected.keys()]);
  let diffWatcher = 0;
  let diffPosted = 0;
  for (const key of keys) {
    const h = http.get(key) ?? 0;
    if ((w.totals.get(key) ?? 0) !== h) diffWatcher++;
    if ((before.get(key) ?? 0) + (expected.get(key) ?? 0) !== h) diffPosted++;
  }
  if (diffWatcher) problems.push(`watcher 0 differs from the HTTP snapshot in ${diffWatcher} fonds×kind totals`);
  if (partial) problems.push(`${partial} batches were only partly accepted (cannot compare with what was posted)`);
  else if (diffPosted) problems.push(`HTTP snapshot differs from what was posted in ${diffPosted} fonds×kind totals`);
  if (w.deltaSum !== expectedSum && !partial) problems.push(`watcher 0 received Σdelta ${w.deltaSum}, posted ${expectedSum}`);
  if (httpSnap.seq !== finalSeq) problems.push(`HTTP snapshot seq ${httpSnap.seq} ≠ last response seq ${finalSeq}`);
  if (finalSeq - initial.seq !== acceptedAll) problems.push(`seq advanced by ${finalSeq - initial.seq}, accepted ${acceptedAll}`);
  const fullOk = watchers.filter((x) => x.full && x !== w).every((x) => [...keys].every((key) => (x.totals.get(key) ?? 0) === (http.get(key) ?? 0)));
  if (!fullOk) problems.push("another fully parsing watcher differs from the HTTP snapshot");
  return {
    ok: problems.length === 0,
    detail: problems.length
      ? problems.join("; ")
      : `watcher 0 (snapshot + ${w.frames} deltas, Σ ${w.deltaSum}) = HTTP snapshot = posted, over ${keys.size} fonds×kind; seq +${acceptedAll} = accepted`,
  };
}

/** Polls the local D1 file (read-only) until it holds `count` events of the project. */
async function d1CatchUp(projectId, count, tPostEnd) {
  let DatabaseSync;
  try {
    const emit = process.emitWarning;
    process.emitWarning = () => {}; // node:sqlite is "experimental" in Node 22
    ({ DatabaseSync } = await import("node:sqlite"));
    process.emitWarning = emit;
  } catch {
    return { ok: false, detail: "n/a (node:sqlite unavailable)" };
  }
  const dir = `${persistTo}/v3/d1/miniflare-D1DatabaseObject`;
  const file = existsSync(dir) && readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) return { ok: false, detail: `n/a (no D1 file under ${dir})` };
  const deadline = now() + 60_000;
  let seen = 0;
  while (now() < deadline) {
    try {
      const db = new DatabaseSync(`${dir}/${file}`, { readOnly: true });
      seen = db.prepare("SELECT count(*) AS n FROM counter_events WHERE project_id = ?").get(projectId).n;
      db.close();
    } catch (err) {
      return { ok: false, detail: `n/a (${err.message})` };
    }
    if (seen >= count) return { ok: true, events: seen, lagMs: now() - tPostEnd };
    await sleep(100);
  }
  return { ok: false, events: seen, detail: `D1 has ${seen} of ${count} events 60 s after the last post` };
}

/** The commit measured, and whether the server's code differed from it (read-only git). */
function codeVersion() {
  const git = (...args) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  const changed = git("status", "--porcelain", "--", "worker", "schema", "wrangler.toml", "migrations", "scripts/lib");
  return { commit: git("rev-parse", "--short", "HEAD") || null, uncommittedServerChanges: changed ? changed.split("\n").length : 0 };
}

function diffCpu(a, b, seconds) {
  const byName = {};
  let total = 0;
  for (const [pid, p] of b) {
    const before = a.get(pid)?.ticks ?? 0;
    const pct = ((p.ticks - before) / 100 / seconds) * 100; // clock ticks are 1/100 s on Linux
    byName[p.name] = (byName[p.name] ?? 0) + pct;
    total += pct;
  }
  return { total, byName };
}
