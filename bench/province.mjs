// `npm run bench:province`: what a province's overview costs when its leaders watch it over one socket
// per province (the province's Durable Object, worker/province/room.ts) against one socket per project
// (the overview before it), in the same server run, interleaved round by round.
//
//   npm run bench:province                                   50 projects × 2 posts/s, 500 province watchers
//                                                            against 100 per-project watchers (5,000 sockets)
//   npm run bench:province -- --legacy-watchers 500          the old overview at full size (25,000 sockets)
//   npm run bench:province -- --projects 20 --rate 1 --seconds 10 --rounds 1
//
// Per arm: the server's CPU (workerd, % of one core) and per watcher, messages and bytes per watcher-second,
// the p50/p95 from a post's answer to the probe watchers seeing its seq, and the posts' own p95.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { FIXTURES } from "../scripts/lib/local-server.mjs";
import { startOverviewWatchers, clock } from "./lib/overview-watchers.mjs";
import { codeVersion, copySources, startMeasured } from "./lib/servers.mjs";
import { diffCpu } from "./lib/checks.mjs";
import { percentile, processGroupCpu } from "./lib/stats.mjs";

const { values: flags } = parseArgs({
  options: {
    projects: { type: "string", default: "50" },
    rate: { type: "string", default: "2" },
    batch: { type: "string", default: "5" },
    watchers: { type: "string", default: "500" },
    "legacy-watchers": { type: "string", default: "100" },
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    "state-dir": { type: "string", default: tmpdir() },
  },
});
const o = Object.fromEntries(Object.entries(flags).filter(([k]) => k !== "state-dir").map(([k, v]) => [k, Number(v)]));
for (const [k, v] of Object.entries(o)) if (!Number.isFinite(v) || v <= 0) throw new Error(`bad --${k}`);
const FIXTURE = `${FIXTURES}hatinh-2021-results.tsv`;
if (!existsSync(FIXTURE)) throw new Error(`plan fixture not found: ${FIXTURE}`);

const log = (line = "") => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50);
const adminToken = randomBytes(24).toString("base64url");
const headers = { Authorization: `Bearer ${adminToken}` };
const code = codeVersion();
log(`bench:province — ${o.projects} projects × ${o.rate} posts/s (batches of ${o.batch}); ${o.watchers} province watchers vs ${o["legacy-watchers"]} per-project watchers (${o["legacy-watchers"] * o.projects} sockets); ${o.seconds} s (+${o.warmup} s) × ${o.rounds} rounds`);
log(`  code: ${code.commit ?? "?"}${code.uncommittedServerChanges ? ` + ${code.uncommittedServerChanges} uncommitted server files` : ""}`);

const sources = copySources(flags["state-dir"]);
const server = await startMeasured({ sourceDir: sources.dir, parent: flags["state-dir"], adminToken, onExit: (c, lines) => (console.error(`wrangler dev exited (${c}):\n${lines.join("\n")}`), process.exit(1)) });
const cleanup = () => (server.stop(), sources.remove());
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));

const call = server.adminClient(server.url, adminToken);
const province = "bench-province";
await call("POST", "/provinces", { id: province, name: "Tỉnh thử tải" });
const plan = readFileSync(FIXTURE, "utf8");
const projects = [];
for (let i = 0; i < o.projects; i++) {
  const id = `bench-p${String(i).padStart(2, "0")}`;
  await call("POST", `/provinces/${province}/projects`, { id, name: `Dự án thử tải ${i + 1}`, periodStart: "2026-01-01", periodEnd: "2027-12-31" });
  await call("POST", `/projects/${id}/plan/import`, { table: plan, target: "both" });
  const { token } = await call("POST", `/projects/${id}/stations`, { name: "Trạm thử" });
  const { fonds } = await (await fetch(`${server.url}/api/v1/projects/${id}/snapshot`, { headers })).json();
  projects.push({ id, token, codes: fonds.map((f) => f.code) });
}
log(`  ${o.projects} projects ready on ${server.url}`);

const ws = server.url.replace(/^http/, "ws");
const ARMS = {
  province: { count: o.watchers, urls: [`${ws}/api/v1/provinces/${province}/live`] },
  "per-project": { count: o["legacy-watchers"], urls: projects.map((p) => `${ws}/api/v1/projects/${p.id}/live?frames=compact`) },
};
const probe = { projectId: projects[0].id };
const KINDS = ["files", "documents", "pages"];
let tag = 0;

async function round(name, r) {
  const arm = ARMS[name];
  const probeUrl = name === "province" ? arm.urls[0] : arm.urls[0];
  const watchers = await startOverviewWatchers({ urls: arm.urls, count: arm.count, headers, probe: { ...probe, url: probeUrl } });
  await sleep(1000);
  const posts = []; // [projectIndex, seq, answeredAt, ms]
  let failed = 0;
  const run = `${r}-${name}-${tag++}`;
  const until = clock() + (o.warmup + o.seconds) * 1000;
  let measuring = false;
  let cpu0;
  const loops = projects.map(async (p, i) => {
    // Staggered, so 50 projects do not post in the same instant.
    await sleep((i / projects.length) * (1000 / o.rate));
    for (let n = 0; clock() < until; n++) {
      const at = clock();
      const events = Array.from({ length: o.batch }, (_, k) => ({ id: `${run}-${i}-${n}-${k}`, fonds: p.codes[(n + k) % p.codes.length], kind: KINDS[k % 3], delta: 1 }));
      const res = await fetch(`${server.url}/api/v1/projects/${p.id}/counters`, { method: "POST", headers: { Authorization: `Bearer ${p.token}`, "Content-Type": "application/json" }, body: JSON.stringify({ events }) }).catch(() => null);
      const done = clock();
      if (!res?.ok) failed++;
      else if (measuring) posts.push([i, (await res.json()).seq, done, done - at]);
      else await res.arrayBuffer();
      await sleep(Math.max(0, 1000 / o.rate - (clock() - at)));
    }
  });
  await sleep(o.warmup * 1000);
  measuring = true;
  await watchers.mark();
  cpu0 = processGroupCpu(server.pid);
  const t0 = clock();
  await Promise.all(loops);
  const seconds = (clock() - t0) / 1000;
  const cpu = diffCpu(cpu0, processGroupCpu(server.pid), seconds);
  await sleep(2500); // the last posts' news arrives (a province coalesces for a second)
  const seen = await watchers.mark();
  await watchers.close();
  // Latency: from a probe project's post being answered to each probe watcher holding its seq.
  const lat = [];
  for (const [i, seq, answeredAt] of posts) {
    if (i !== 0) continue;
    for (const arrivals of seen.arrivals) {
      const hit = arrivals.find(([s]) => s >= seq);
      if (hit) lat.push(Math.max(0, hit[1] - answeredAt));
    }
  }
  lat.sort((a, b) => a - b);
  const postMs = posts.map((p) => p[3]).sort((a, b) => a - b);
  return {
    name,
    watchers: arm.count,
    sockets: arm.count * arm.urls.length,
    cpu: cpu.total,
    cpuPerWatcher: cpu.total / arm.count,
    msgsPerWatcherS: seen.messages / arm.count / seconds,
    bytesPerWatcherS: seen.bytes / arm.count / seconds,
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    postP95: percentile(postMs, 95),
    posts: posts.length,
    failed,
    closed: seen.closed,
  };
}

const results = [];
for (let r = 0; r < o.rounds; r++) {
  for (const name of Object.keys(ARMS)) {
    const res = await round(name, r);
    results.push(res);
    log(`  round ${r + 1} ${name.padEnd(11)} ${String(res.sockets).padStart(6)} sockets  cpu ${res.cpu.toFixed(0)} % (${res.cpuPerWatcher.toFixed(3)} %/watcher)  ${res.msgsPerWatcherS.toFixed(1)} msg/watcher·s  ${(res.bytesPerWatcherS / 1024).toFixed(1)} KiB/watcher·s  post→screen p50 ${res.p50?.toFixed(0)} p95 ${res.p95?.toFixed(0)} ms  post p95 ${res.postP95?.toFixed(0)} ms  ${res.failed} failed posts`);
  }
}
const med = (name, key) => median(results.filter((x) => x.name === name).map((x) => x[key]));
log("");
log("medians          sockets   cpu %   cpu %/watcher   msg/watcher·s   KiB/watcher·s   post→screen p50 / p95 ms   post p95 ms");
for (const name of Object.keys(ARMS)) {
  log(`  ${name.padEnd(13)} ${String(med(name, "sockets")).padStart(7)} ${med(name, "cpu").toFixed(0).padStart(7)} ${med(name, "cpuPerWatcher").toFixed(3).padStart(15)} ${med(name, "msgsPerWatcherS").toFixed(1).padStart(15)} ${(med(name, "bytesPerWatcherS") / 1024).toFixed(1).padStart(15)} ${`${med(name, "p50")?.toFixed(0)} / ${med(name, "p95")?.toFixed(0)}`.padStart(26)} ${med(name, "postP95")?.toFixed(0).padStart(13)}`);
}
const ratio = (key) => med("province", key) / med("per-project", key);
log(`province / per-project: cpu per watcher ${ratio("cpuPerWatcher").toFixed(2)}×, messages per watcher ${ratio("msgsPerWatcherS").toFixed(3)}×, bytes per watcher ${ratio("bytesPerWatcherS").toFixed(2)}×, post p95 ${ratio("postP95").toFixed(2)}×`);
if (results.some((x) => x.failed > 0 || x.closed > 0)) {
  log("some posts failed or sockets closed: see the rounds above");
  process.exitCode = 1;
}
