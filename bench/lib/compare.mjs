// bench:live's report: one round's figures as they finish, then the medians per target over the rounds
// and the product's ratios to its floor and its peer (figures from one run on one machine compare;
// absolute ones do not travel between machines).
import { cpus } from "node:os";
import { printProfile } from "./profile.mjs";

const TARGET_EVENTS_PER_S = 5000;
const TARGET_P95_MS = 150;
/** The product against its floor: at least this share of the floor's throughput, at most this p95. */
const FLOOR_THROUGHPUT = 0.8;
const FLOOR_P95 = 1.25;

const fmt = (n) => (n === null || n === undefined || Number.isNaN(n) ? "n/a" : Math.round(n).toLocaleString("en-US"));
const ms = (x) => (x === undefined || x === null || Number.isNaN(x) ? "n/a" : `${x.toFixed(0)} ms`);
const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number" && !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function printRound(r, o, log) {
  const f = r.feed;
  log(`  posts             ${r.posts.ok} 2xx, ${r.posts.non2xx} non-2xx${r.posts.networkErrors ? `, ${r.posts.networkErrors} network errors` : ""}  (${r.posts.measuredBatches} measured batches, ${r.posts.retries} retried, ${r.posts.duplicates} duplicates)`);
  log(`  throughput        ${fmt(r.throughput.eventsPerS)} accepted events/s`);
  log(`  post→delivery     p50 ${ms(r.latencyMs.p50)}  p95 ${ms(r.latencyMs.p95)}  p99 ${ms(r.latencyMs.p99)}  max ${ms(r.latencyMs.max)}  (${fmt(r.latencyMs.samples)} batch×watcher samples${r.latencyMs.undelivered ? `, ${r.latencyMs.undelivered} never delivered` : ""})`);
  log(`  POST round trip   p50 ${ms(r.postRoundTripMs.p50)}  p95 ${ms(r.postRoundTripMs.p95)}`);
  log(`  feed              ${f.framesPerS.toFixed(1)} frames/s per watcher, ${(f.deltaBytesPerWatcherS / 1024).toFixed(1)} KiB/s per watcher, ${(f.cellsPerFrame ?? 0).toFixed(0)} cells (${((f.bytesPerFrame ?? 0) / 1024).toFixed(1)} KiB) per frame, ${f.gaps} seq gaps${f.watchersClosed ? `, ${f.watchersClosed} sockets CLOSED` : ""}${f.watchersBehind ? `, ${f.watchersBehind} of ${o.watchers} watchers NEVER reached the last seq` : `, all at the last seq ${ms(f.drainMs)} after the last post`}; extensions: ${f.extensions || "none"}`);
  log(`  exactness         ${r.exactness.ok ? "OK" : "MISMATCH"} — ${r.exactness.detail}`);
  if (r.d1.ok || r.d1.detail !== "n/a") log(`  D1 write-through  ${r.d1.ok ? `all ${fmt(r.d1.events)} events in D1 ${ms(r.d1.lagMs)} after the last post` : r.d1.detail}`);
  const c = r.cpuPercent;
  log(`  CPU (of ${cpus().length * 100} %)    server ${c.serverGroup.total.toFixed(0)} %, bench client ${c.benchClient.toFixed(0)} %${c.otherProcesses === null ? "" : `, other processes ${c.otherProcesses.toFixed(0)} %`}`);
  if (c.otherProcesses !== null && c.otherProcesses > 25) log(`  WARNING           other processes used ${c.otherProcesses.toFixed(0)} % CPU during the round`);
  log(`  server processes  ${Object.entries(c.serverGroup.byName).map(([n, v]) => `${n} ${v.toFixed(0)} %`).join(", ")}`);
  if (r.profile?.error) log(`  CPU profile       failed: ${r.profile.error}`);
  else if (r.profile) printProfile(r.profile, log);
}

/** Medians per arm over its rounds, and each of the product's arms as ratios to the floor (same encoding) and the peer. */
export function compareSummary(results, arms, log) {
  const summary = {};
  for (const arm of arms) {
    const rs = results.filter((r) => r.arm === arm.name);
    summary[arm.name] = {
      ...arm,
      rounds: rs.length,
      eventsPerS: median(rs.map((r) => r.throughput.eventsPerS)),
      p50: median(rs.map((r) => r.latencyMs.p50)),
      p95: median(rs.map((r) => r.latencyMs.p95)),
      postRoundTripP50: median(rs.map((r) => r.postRoundTripMs.p50)),
      framesPerWatcherS: median(rs.map((r) => r.feed.framesPerS)),
      bytesPerWatcherS: median(rs.map((r) => r.feed.deltaBytesPerWatcherS)),
      bytesPerFrame: median(rs.map((r) => r.feed.bytesPerFrame)),
      serverCpu: median(rs.map((r) => r.cpuPercent.serverGroup.total)),
      // Less sensitive than events/s to how much of the machine other processes left the server.
      eventsPerCpuS: median(rs.map((r) => r.throughput.eventsPerS / (r.cpuPercent.serverGroup.total / 100))),
      otherCpu: median(rs.map((r) => r.cpuPercent.otherProcesses)),
      exactRounds: rs.filter((r) => r.exactness.ok).length,
      perRound: rs.map((r) => ({ eventsPerS: r.throughput.eventsPerS, p95: r.latencyMs.p95, eventsPerCpuS: r.throughput.eventsPerS / (r.cpuPercent.serverGroup.total / 100), exact: r.exactness.ok })),
    };
  }
  log("\nMedians over the rounds");
  log("  arm                     events/s   p50     p95   POST p50  frames/s/watcher  KiB/s/watcher  KiB/frame  events/CPU-s  exact rounds");
  for (const arm of arms) {
    const s = summary[arm.name];
    log(`  ${arm.name.padEnd(22)} ${fmt(s.eventsPerS).padStart(8)}  ${ms(s.p50).padStart(6)}  ${ms(s.p95).padStart(6)}  ${ms(s.postRoundTripP50).padStart(7)}  ${s.framesPerWatcherS.toFixed(1).padStart(16)}  ${(s.bytesPerWatcherS / 1024).toFixed(1).padStart(13)}  ${((s.bytesPerFrame ?? 0) / 1024).toFixed(2).padStart(9)}  ${fmt(s.eventsPerCpuS).padStart(12)}  ${s.exactRounds}/${s.rounds}`);
  }
  for (const ours of arms.filter((a) => a.target === "ours").map((a) => summary[a.name])) {
    ours.meetsTargets = ours.eventsPerS >= TARGET_EVENTS_PER_S && ours.p95 <= TARGET_P95_MS;
    log("");
    log(`  ${ours.name} vs targets  ${fmt(ours.eventsPerS)} events/s (≥ ${fmt(TARGET_EVENTS_PER_S)}: ${(ours.eventsPerS / TARGET_EVENTS_PER_S).toFixed(2)}×), p95 ${ms(ours.p95)} (≤ ${TARGET_P95_MS} ms: ${(ours.p95 / TARGET_P95_MS).toFixed(2)}×)`);
    for (const other of arms.filter((a) => (a.target === "floor" && a.frames === ours.frames && a.noDeflate === ours.noDeflate) || (a.target === "peer" && a.noDeflate === ours.noDeflate)).map((a) => summary[a.name])) {
      // Ratios per round (interleaved, so they share the round's noise), then their median.
      const paired = ours.perRound.map((r, i) => other.perRound[i] && { thr: r.eventsPerS / other.perRound[i].eventsPerS, p95: r.p95 / other.perRound[i].p95, perCpu: r.eventsPerCpuS / other.perRound[i].eventsPerCpuS }).filter(Boolean);
      const v = { throughput: median(paired.map((p) => p.thr)), p95: median(paired.map((p) => p.p95)), eventsPerCpuS: median(paired.map((p) => p.perCpu)), perRound: paired };
      ours[`vs_${other.name}`] = v;
      if (other.target === "floor") {
        log(`  ${ours.name} / ${other.name}  throughput ${v.throughput.toFixed(2)}× (goal ≥ ${FLOOR_THROUGHPUT}: ${v.throughput >= FLOOR_THROUGHPUT ? "met" : "MISSED"}), p95 ${v.p95.toFixed(2)}× (goal ≤ ${FLOOR_P95}: ${v.p95 <= FLOOR_P95 ? "met" : "MISSED"}), events per server CPU-second ${v.eventsPerCpuS.toFixed(2)}×`);
      } else {
        log(`  ${ours.name} / ${other.name}  throughput ${v.throughput.toFixed(2)}× (${v.throughput > 1 ? "ahead" : "BEHIND"}), p95 ${v.p95.toFixed(2)}× (${v.p95 < 1 ? "ahead" : "BEHIND"}), per CPU-second ${v.eventsPerCpuS.toFixed(2)}×; ${other.name} exact in ${other.exactRounds}/${other.rounds} rounds, ${ours.name} in ${ours.exactRounds}/${ours.rounds}`);
      }
    }
  }
  return summary;
}
