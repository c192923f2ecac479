// `npm run bench:growth`: what ten million stored event ids cost a post and a snapshot. A Durable Object
// with the product's LiveStore and snapshot builder (bench/growth/worker.ts, on its own `wrangler dev`)
// is seeded to each size N (a fresh object per size), then a 50-event batch of new ids, a batch of 50
// retried ids and a snapshot are each timed `--reps` times, interleaved, with the object's database size;
// then the one-off building of the day index (an object created before the retention) and pruning passes.
// The workerd clock stands still while JavaScript runs, so the object cannot time itself: each timed
// request does `--per` steps, and a step's time is the request's round trip from this process, less that
// of a request that does nothing (`noop`, just before), divided by the steps. Figures are medians, with
// ratios to N = 0, which travel between machines where milliseconds do not.
//
//   npm run bench:growth                        # N = 0, 100 000, 1 000 000
//   npm run bench:growth -- --max 10000000      # and 10 000 000
//   npm run bench:growth -- --sizes 0,50000 --reps 20
//
// Flags: --max N (sizes 0 and the powers of ten from 100 000 to N; default 1 000 000)  --sizes a,b,…
//        --reps N (30)  --chunk N (events seeded per request, one transaction; 250 000)
//        --per N (batches ingested per timed request, 20; snapshots per request a quarter of it)
//        --prune-passes N (10)  --state-dir DIR (default the OS temp dir)  --verbose
// Results also go to bench/results/growth-<timestamp>.json (git-ignored).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { ROOT } from "../scripts/lib/local-server.mjs";
import { codeVersion, copySources, startMeasured } from "./lib/servers.mjs";

const { values: flags } = parseArgs({
  options: {
    max: { type: "string", default: "1000000" },
    sizes: { type: "string" },
    reps: { type: "string", default: "30" },
    chunk: { type: "string", default: "250000" },
    "prune-passes": { type: "string", default: "10" },
    per: { type: "string", default: "20" },
    "state-dir": { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});
const max = Number(flags.max);
const sizes = flags.sizes
  ? flags.sizes.split(",").map(Number)
  : [0, ...Array.from({ length: 10 }, (_, i) => 100_000 * 10 ** i).filter((n) => n <= max)];
const reps = Number(flags.reps);
const chunk = Number(flags.chunk);
const prunePasses = Number(flags["prune-passes"]);
/** Steps per request: the round trip (several ms on wrangler dev) is subtracted, and shared among them. */
const per = Number(flags.per);
const perSnapshot = Math.max(1, Math.round(per / 4));
const parent = flags["state-dir"] ?? tmpdir();

const median = (xs) => (xs.length === 0 ? null : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
const round = (x, d = 2) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args);

const startedAt = new Date();
const code = codeVersion();
const sources = copySources(parent);
let server = null;
const stop = () => {
  server?.stop();
  sources.remove();
};
process.on("SIGINT", () => (stop(), process.exit(130)));

async function call(room, op, params = {}) {
  const query = new URLSearchParams({ room, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  const t0 = performance.now();
  const res = await fetch(`${server.url}/${op}?${query}`, { method: "POST" });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${op}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

const results = [];
try {
  server = await startMeasured({
    sourceDir: sources.dir,
    parent,
    config: "bench/growth/wrangler.toml",
    log: flags.verbose ? (line) => console.log(`[server] ${line}`) : undefined,
    onExit: (exitCode, lines) => console.error(`wrangler dev exited (${exitCode}):\n${lines.join("\n")}`),
  });
  log(`server ${server.url}; sizes ${sizes.join(", ")}; ${reps} reps each`);
  for (const n of sizes) {
    const room = `n-${n}-${startedAt.getTime()}`;
    // Seeding
    const seedStart = performance.now();
    let seeded = 0;
    while (seeded < n) {
      const count = Math.min(chunk, n - seeded);
      await call(room, "seed", { count, total: n });
      seeded += count;
      if (seeded % (chunk * 4) === 0 || seeded === n) {
        const s = (performance.now() - seedStart) / 1000;
        log(`N=${n}: seeded ${seeded} in ${s.toFixed(0)} s (${Math.round(seeded / s)} events/s)`);
      }
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const before = (await call(room, "size")).body;
    // Interleaved, so a moment of noise from the shared machine falls on every measure alike.
    const t = { noop: [], newIds: [], retriedIds: [], snapshot: [], snapshotLeader: [] };
    for (let r = 0; r < reps + 2; r++) {
      const noop = await call(room, "noop");
      const fresh = await call(room, "new", { times: per });
      const picked = (await call(room, "pick-retry", { times: per })).body.picked;
      const retry = await call(room, "retry");
      const snap = await call(room, "snapshot", { audience: "all", times: perSnapshot });
      const leader = await call(room, "snapshot", { audience: "leader", times: perSnapshot });
      if (fresh.body.accepted !== 50 * per) throw new Error(`new batches: ${JSON.stringify(fresh.body)}`);
      if (retry.body.duplicates !== picked || (n > 0 && picked !== 50 * per)) throw new Error(`retried batches: ${picked} picked, ${JSON.stringify(retry.body)}`);
      if (r < 2) continue; // warm-up
      t.noop.push(noop.ms);
      t.newIds.push((fresh.ms - noop.ms) / per);
      t.retriedIds.push((retry.ms - noop.ms) / per);
      t.snapshot.push((snap.ms - noop.ms) / perSnapshot);
      t.snapshotLeader.push((leader.ms - noop.ms) / perSnapshot);
    }
    const noop = median(t.noop);
    const net = (xs) => round(median(xs), 3);
    const row = {
      n,
      seedSeconds: round(seedSeconds, 1),
      seedEventsPerSecond: n > 0 ? Math.round(n / seedSeconds) : null,
      events: before.events,
      cells: before.cells,
      dbBytes: before.bytes,
      bytesPerEvent: n > 0 ? Math.round(before.bytes / n) : null,
      noopMs: round(noop),
      newIdsMs: net(t.newIds),
      retriedIdsMs: net(t.retriedIds),
      snapshotMs: net(t.snapshot),
      snapshotLeaderMs: net(t.snapshotLeader),
    };
    if (n > 0) {
      row.reindexSeconds = round((await call(room, "reindex")).ms / 1000, 2);
      // 10 days on: the first tenth of the seeded window has aged out.
      const passes = [];
      for (let i = 0; i < prunePasses; i++) {
        const p = await call(room, "prune", { days: 10 });
        if (p.body.pruned === 0) break;
        passes.push(p.ms - noop);
      }
      row.prunePassMs = round(median(passes));
      row.prunePasses = passes.length;
      row.cellsAfterPrune = (await call(room, "size")).body.cells;
    }
    results.push(row);
    log(JSON.stringify(row));
  }
} finally {
  stop();
}

const base = results.find((r) => r.n === 0);
const ratio = (a, b) => (a === null || b === null || b === 0 ? null : round(a / b, 2));
console.log("\n| N stored | new ids, ms / 50 | retried ids, ms / 50 | snapshot ms (all / leader) | DB size | ratios to N=0 (new, retried, snapshot) |");
console.log("|---|---|---|---|---|---|");
for (const r of results) {
  const ratios = base ? `${ratio(r.newIdsMs, base.newIdsMs)}×, ${ratio(r.retriedIdsMs, base.retriedIdsMs)}×, ${ratio(r.snapshotMs, base.snapshotMs)}×` : "";
  console.log(`| ${r.n.toLocaleString("en")} | ${r.newIdsMs} | ${r.retriedIdsMs} | ${r.snapshotMs} / ${r.snapshotLeaderMs} | ${(r.dbBytes / 2 ** 20).toFixed(1)} MiB | ${ratios} |`);
}
const dir = `${ROOT}bench/results`;
if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
const file = `${dir}/growth-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`;
const machine = { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, server: "wrangler dev (local workerd)" };
writeFileSync(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), command: `npm run bench:growth -- ${process.argv.slice(2).join(" ")}`.trim(), code, machine, options: { sizes, reps, chunk, prunePasses }, results }, null, 2)}\n`);
console.log(`\nresults: ${file}`);
