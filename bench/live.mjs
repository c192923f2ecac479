// `npm run bench:live`: the live core under load, against its own local server (wrangler dev, local workerd).
// Concurrent stations post batches of counters while WebSocket watchers of the same project follow the feed;
// prints accepted events/s, post→delivery latency p50/p95/p99, and checks that every watcher ends exact.
//
//   npm run bench:live -- --seconds 20 --posters 8 --watchers 200 --batch 100
//   npm run bench:live -- --compare            # also the floor and the peer, interleaved, 3 rounds
//
// Flags: --seconds N (posting time measured, default 20)  --warmup N (posting before measuring, default 2)
//        --posters N (8)  --watchers N (200)  --batch N (100, max 500)
//        --rate N (open loop: offer N events/s in total, each batch sent on schedule whether or not the
//        previous one was answered, latency counted from the scheduled time; default: closed loop, each
//        poster sends its next batch as soon as the previous one is answered)
//        --audience leader|operator (watchers sign in as a project leader with a session cookie, the
//        default, or use the operator ADMIN_TOKEN)
//        --frames json|compact|json,compact (the delta encoding watchers ask for; the dashboard asks for
//        compact, the default; both: the product and the floor are measured with each, as arms of one run)
//        --full-parse (every watcher JSON.parses every frame; default: watcher 0 does, the others read
//        only the header `{"type":"delta","from":…,"seq":…` — the bench shares the 2 cores with the server)
//        --no-deflate (watchers do not offer permessage-deflate; Node's WebSocket, like browsers, always does)
//        --deflate on|off|on,off (the same; both: the product and the floor are measured each way, as arms)
//        --fonds-per-batch N (each batch spreads over N random fonds; default: any of the plan's, per event)
//        --retries P (after an answer, the same batch is posted again with probability P, as a station
//        does whose answer was lost; it must count once; default 0, 0.05 with --compare)
//        --compare (measure the product, the floor bench/floor and the peer bench/peer in one run, each
//        on its own wrangler dev, interleaved round by round; prints the product's ratios to both)
//        --targets ours,floor,peer (which of them; --compare means all three)  --rounds N (1; 3 with --compare)
//        --profile (a V8 CPU profile of the product's isolate over each measured window: bench/lib/profile.mjs)
//        --state-dir DIR (parent of the fresh state and source copies, default the OS temp dir)
//        --verbose (forward the servers' logs)  --strict (exit 1 when a target is missed)
// Results also go to bench/results/live-<timestamp>.json (git-ignored). Servers run from a copy of the
// sources taken at start (bench/lib/servers.mjs); the watchers run on a worker thread (bench/lib/watchers.mjs).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { FIXTURES, ROOT } from "../scripts/lib/local-server.mjs";
import { compareSummary, printRound } from "./lib/compare.mjs";
import { measure } from "./lib/load.mjs";
import { codeVersion, copySources, freePort, startMeasured } from "./lib/servers.mjs";
import { configOf, prepare, TARGETS } from "./lib/targets.mjs";

const FIXTURE = [`${FIXTURES}hatinh-2021-results.tsv`].find((p) => existsSync(p));

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "2" },
    posters: { type: "string", default: "8" },
    watchers: { type: "string", default: "200" },
    batch: { type: "string", default: "100" },
    "state-dir": { type: "string", default: tmpdir() },
    rate: { type: "string" },
    audience: { type: "string", default: "leader" },
    frames: { type: "string", default: "compact" },
    "full-parse": { type: "boolean", default: false },
    "no-deflate": { type: "boolean", default: false },
    deflate: { type: "string" },
    "fonds-per-batch": { type: "string" },
    retries: { type: "string" },
    compare: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    targets: { type: "string" },
    rounds: { type: "string" },
    verbose: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
  },
});
const o = {
  seconds: Number(flags.seconds),
  warmup: Number(flags.warmup),
  posters: Number(flags.posters),
  watchers: Number(flags.watchers),
  batch: Number(flags.batch),
  rate: flags.rate === undefined ? null : Number(flags.rate),
  audience: flags.audience,
  frames: null, // per arm
  fullParse: flags["full-parse"],
  noDeflate: null, // per arm
  fondsPerBatch: flags["fonds-per-batch"] === undefined ? null : Number(flags["fonds-per-batch"]),
  retries: Number(flags.retries ?? (flags.compare ? 0.05 : 0)),
};
const targets = (flags.targets ?? (flags.compare ? TARGETS.join(",") : "ours")).split(",");
const rounds = Number(flags.rounds ?? (flags.compare ? 3 : 1));
if (o.fondsPerBatch !== null && !(Number.isInteger(o.fondsPerBatch) && o.fondsPerBatch > 0)) throw new Error("bad --fonds-per-batch");
if (o.rate !== null && !(o.rate > 0)) throw new Error("bad --rate");
if (!(o.retries >= 0 && o.retries <= 1)) throw new Error("bad --retries");
if (!["leader", "operator"].includes(o.audience)) throw new Error("--audience is leader or operator");
const frames = flags.frames.split(",");
if (!frames.every((f) => ["json", "compact"].includes(f))) throw new Error("--frames is json, compact or json,compact");
const deflates = (flags.deflate ?? (flags["no-deflate"] ? "off" : "on")).split(",");
if (!deflates.every((d) => ["on", "off"].includes(d))) throw new Error("--deflate is on, off or on,off");
// An arm is a target with one encoding and one deflate choice; the peer speaks only plain deltas, so
// it is measured once per deflate choice.
const arms = targets
  .flatMap((target) => (target === "peer" ? ["json"] : frames).flatMap((f) => deflates.map((d) => ({ target, frames: f, noDeflate: d === "off" }))))
  .map((a) => {
    const parts = [a.target];
    if (frames.length > 1 && a.target !== "peer") parts.push(a.frames);
    if (deflates.length > 1) parts.push(a.noDeflate ? "nodeflate" : "deflate");
    return { ...a, name: parts.join(":") };
  });
if (!targets.every((t) => TARGETS.includes(t))) throw new Error(`--targets: some of ${TARGETS.join(",")}`);
for (const [k, v] of Object.entries({ seconds: o.seconds, warmup: o.warmup, posters: o.posters, watchers: o.watchers, batch: o.batch, rounds })) {
  if (!Number.isFinite(v) || v < 0 || (k !== "warmup" && v <= 0)) throw new Error(`bad --${k}`);
}
if (o.batch > 500) throw new Error("--batch is at most 500 (the API's limit)");
if (!FIXTURE) throw new Error("plan fixture hatinh-2021-results.tsv not found in ../shared/fixtures");

const log = (line = "") => process.stdout.write(`${line}\n`);
const parent = flags["state-dir"].replace(/\/$/, "");
const adminToken = randomBytes(24).toString("base64url");
const servers = new Map();
let sources = null;
function cleanup() {
  for (const s of servers.values()) s.stop();
  servers.clear();
  sources?.remove();
  sources = null;
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => (log(`\n${sig}: stopping the servers`), cleanup(), process.exit(130)));
process.on("exit", cleanup);

const startedAt = new Date();
const code = codeVersion();
log(`bench:live — ${targets.join(" / ")}, ${rounds} round(s); ${o.watchers} ${o.audience} watchers (${frames.join(" and ")} frames, deflate ${deflates.join(" and ")}), ${o.posters} posters × batches of ${o.batch}, ${o.rate === null ? "closed loop" : `open loop at ${o.rate} events/s`}, ${o.seconds} s (+${o.warmup} s warm-up)${o.retries ? `, ${o.retries * 100} % of batches retried` : ""}`);
log(`  code: ${code.commit ?? "?"}${code.uncommittedServerChanges ? ` + ${code.uncommittedServerChanges} uncommitted server files` : ""}, run from a copy taken now (edits meanwhile do not reload it)`);
let exitCode = 0;
const results = [];
try {
  sources = copySources(parent);
  for (const kind of targets) {
    const server = await startMeasured({
      sourceDir: sources.dir,
      parent,
      config: configOf(kind),
      adminToken,
      inspectorPort: flags.profile && kind === "ours" ? await freePort() : undefined,
      log: (line) => flags.verbose && log(`  [${kind}] ${line}`),
      onExit: (c, lines) => {
        console.error(`${kind}: wrangler dev exited early (${c}); last lines:\n${lines.join("\n")}`);
        process.exit(1);
      },
    });
    servers.set(kind, server);
    log(`  ${kind}: wrangler dev on ${server.url}${configOf(kind) ? ` (${configOf(kind)})` : ""}`);
  }
  // Interleaved (ours, floor, peer, ours, …): noise from the shared machine falls on all of them alike.
  for (let round = 0; round < rounds; round++) {
    for (const arm of arms) {
      const server = servers.get(arm.target);
      log(`\n— round ${round + 1}/${rounds}: ${arm.name}`);
      const target = await prepare(arm.target, server, { round: `${round}-${arm.name.replace(/:/g, "-")}`, posters: o.posters, audience: o.audience, fixture: FIXTURE, adminToken });
      const r = await measure({ url: server.url, pid: server.pid, inspectorPort: server.inspectorPort, target, o: { ...o, frames: arm.frames, noDeflate: arm.noDeflate }, log });
      const result = { arm: arm.name, target: arm.target, frames: arm.frames, round, ...r };
      results.push(result);
      printRound(result, o, log);
      const broken = !r.exactness.ok || r.feed.gaps > 0 || r.feed.watchersBehind > 0 || r.feed.watchersClosed > 0 || r.posts.non2xx > 0 || r.posts.networkErrors > 0;
      if (arm.target === "ours" && broken) exitCode = 1;
    }
  }
  const summary = compareSummary(results, arms, log);
  if (flags.strict && Object.values(summary).some((s) => s.meetsTargets === false)) exitCode = 1;
  const file = `${ROOT}bench/results/live-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`;
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  const command = `npm run bench:live -- ${process.argv.slice(2).join(" ")}`.trim();
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, server: "wrangler dev (local workerd)" };
  writeFileSync(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), command, code, machine, options: { ...o, frames, deflates }, arms, rounds, summary, results }, null, 2)}\n`);
  log(`  results           ${file.slice(ROOT.length)}`);
} catch (err) {
  console.error(`bench failed: ${err.stack ?? err}`);
  for (const [kind, s] of servers) if (s.lines.length) console.error(`${kind} log (last lines):\n${s.lines.slice(-20).join("\n")}`);
  exitCode = 1;
} finally {
  cleanup();
}
process.exit(exitCode);
