// One measured round of bench:live against one prepared target: stations post batches (closed or open
// loop, some retried as a station does after a lost answer) while WebSocket watchers follow the feed;
// returns throughput, post→delivery latency, the feed's frames and bytes, and whether it ended exact.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { machineCpu, percentile, processGroupCpu } from "./stats.mjs";
import { clock as now, startWatchers } from "./watchers.mjs";
import { checkExact, d1CatchUp, diffCpu, reachedAt } from "./checks.mjs";
import { startProfile } from "./profile.mjs";

const KINDS = ["files", "documents", "pages"];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `inspectorPort`: profile the server's isolate over the measured window (bench/lib/profile.mjs). */
export async function measure({ url, pid, inspectorPort, target, o, log }) {
  const { projectId, tokens, watcherHeaders, fondsCodes, snapshotNow } = target;
  const initial = await snapshotNow();
  // Watchers first (on their own thread), each with its snapshot; then let the presence storm of joins settle.
  const wsUrl = `${url.replace(/^http/, "ws")}/api/v1/projects/${projectId}/live${o.frames === "compact" ? "?frames=compact" : ""}`;
  const watcherThread = await startWatchers({ url: wsUrl, count: o.watchers, headers: watcherHeaders, fullParse: o.fullParse, noDeflate: o.noDeflate });
  try {
    const { connectMs } = watcherThread.ready;
    await watcherThread.quiet(500, 15_000);
    log(`  ${o.watchers} watchers hold their snapshot (seq ${watcherThread.ready.seq}) after ${connectMs.toFixed(0)} ms; WebSocket extensions: ${watcherThread.ready.extensions || "none"}`);
    return await load({ url, pid, inspectorPort, target, o, initial, watcherThread, fondsCodes, tokens, projectId });
  } finally {
    await watcherThread.close().catch(() => {});
  }
}

async function load({ url, pid, inspectorPort, target, o, initial, watcherThread, fondsCodes, tokens, projectId }) {
  const runTag = randomBytes(4).toString("hex");
  const batches = []; // { poster, t0, sentAt, t1, seq, accepted, measured }
  const expected = new Map(); // fonds\0kind → amount posted in accepted batches
  let expectedSum = 0;
  const posts = { ok: 0, non2xx: 0, networkErrors: 0, statuses: {}, duplicates: 0, partial: 0, retries: 0, retriesCounted: 0 };
  const tStart = now();
  const tMeasure = tStart + o.warmup * 1000;
  const tEnd = tMeasure + o.seconds * 1000;
  const cpu0 = { group: processGroupCpu(pid), self: process.cpuUsage(), machine: machineCpu() };
  let cpuAtMeasure = null;
  let profiling = null;
  const measureMark = setTimeout(() => {
    cpuAtMeasure = { group: processGroupCpu(pid), self: process.cpuUsage(), machine: machineCpu() };
    if (inspectorPort) profiling = startProfile(inspectorPort).catch((err) => ({ stop: async () => ({ error: String(err.message ?? err) }) }));
  }, o.warmup * 1000);
  const post = (headers, body) => fetch(`${url}/api/v1/projects/${projectId}/counters`, { method: "POST", headers, body });

  async function postBatch(p, n, headers, scheduledAt) {
    const events = [];
    const sums = [];
    const pick = (codes) => codes[Math.floor(Math.random() * codes.length)];
    const pool = o.fondsPerBatch === null ? fondsCodes : Array.from({ length: o.fondsPerBatch }, () => pick(fondsCodes));
    for (let i = 0; i < o.batch; i++) {
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
      res = await post(headers, body);
      text = await res.text();
    } catch {
      posts.networkErrors++;
      return 50;
    }
    const t1 = now();
    posts.statuses[res.status] = (posts.statuses[res.status] ?? 0) + 1;
    if (!res.ok) {
      posts.non2xx++;
      if (posts.non2xx <= 3) console.log(`  poster ${p}: ${res.status} ${text.slice(0, 200)}`);
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
    // A station whose answer was lost sends the same batch again; it must count once.
    if (Math.random() < o.retries) {
      try {
        const again = await post(headers, body);
        const ra = await again.json();
        posts.retries++;
        if (again.ok) {
          posts.duplicates += ra.duplicates;
          posts.retriesCounted += ra.accepted;
          batches.push({ poster: p, t0: sentAt, sentAt, t1: now(), seq: ra.seq, accepted: 0, measured: false, retry: true });
        }
      } catch {
        posts.networkErrors++;
      }
    }
    return 0;
  }

  async function closedPoster(p, token) {
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    for (let n = 0; now() < tEnd; n++) {
      const backoff = await postBatch(p, n, headers, null);
      if (backoff > 0) await sleep(backoff);
    }
  }

  async function openPoster(p, token) {
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const interval = ((o.posters * o.batch) / o.rate) * 1000;
    const inFlight = new Set();
    for (let n = 0; ; n++) {
      const due = tStart + (p / o.posters) * interval + n * interval;
      if (due >= tEnd) break;
      if (due > now()) await sleep(due - now());
      if (inFlight.size >= 64) await Promise.race(inFlight); // a bound on sockets; the backlog still counts from `due`
      const req = postBatch(p, n, headers, due).finally(() => inFlight.delete(req));
      inFlight.add(req);
    }
    await Promise.all(inFlight);
  }

  const poster = o.rate === null ? closedPoster : openPoster;
  await Promise.all(tokens.map((token, p) => poster(p, token)));
  clearTimeout(measureMark);
  const tPostEnd = now();
  const profile = profiling ? await (await profiling).stop() : null;
  const cpu1 = { group: processGroupCpu(pid), self: process.cpuUsage(), machine: machineCpu() };

  // Every watcher must reach the last seq; then the totals must be exact.
  const finalSeq = batches.reduce((m, b) => Math.max(m, b.seq), watcherThread.ready.seq);
  const { behind, closed } = await watcherThread.waitSeq(finalSeq, 30_000);
  const drainMs = now() - tPostEnd;
  const watchers = (await watcherThread.collect()).map((w) => ({ ...w, totals: w.totals && new Map(w.totals) }));
  const httpSnap = await target.snapshotNow();
  const acceptedAll = batches.reduce((s, b) => s + b.accepted, 0);
  const exact = checkExact({ watchers, httpSnap, initial, expected, expectedSum, acceptedAll, finalSeq, partial: posts.partial, retriesCounted: posts.retriesCounted });
  const d1 = target.d1Dir ? await d1CatchUp(target.d1Dir, projectId, acceptedAll, tPostEnd) : { ok: false, detail: "n/a" };

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
  const w0 = watchers[0];
  const inWindow = [...w0.times.keys()].filter((i) => w0.times[i] >= tMeasure && w0.times[i] <= tPostEnd);
  const at = cpuAtMeasure ?? cpu0;
  const cpuWindowS = (tPostEnd - (cpuAtMeasure ? tMeasure : tStart)) / 1000;
  const groupCpu = diffCpu(at.group, cpu1.group, cpuWindowS);
  const selfCpuPct = ((cpu1.self.user + cpu1.self.system - at.self.user - at.self.system) / 1e6 / cpuWindowS) * 100;
  const machinePct = at.machine && cpu1.machine ? ((cpu1.machine.busy - at.machine.busy) / (cpu1.machine.total - at.machine.total)) * cpus().length * 100 : null;
  const otherPct = machinePct === null ? null : Math.max(0, machinePct - groupCpu.total - selfCpuPct);
  return {
    posts: { ...posts, measuredBatches: measured.length },
    throughput: { acceptedEvents: measuredEvents, wallS: measuredWall / 1000, eventsPerS },
    latencyMs: { samples: lat.length, undelivered, p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), max: lat[lat.length - 1] },
    postRoundTripMs: { p50: percentile(rtt, 50), p95: percentile(rtt, 95), p99: percentile(rtt, 99), max: rtt[rtt.length - 1] },
    feed: {
      framesPerS: inWindow.length / (o.seconds || 1),
      eventsPerFrame: inWindow.length ? measuredEvents / inWindow.length : null,
      cellsPerFrame: w0.frames ? w0.cells / w0.frames : null,
      bytesPerWatcher: w0.bytes,
      deltaBytesPerWatcherS: inWindow.reduce((s, i) => s + w0.sizes[i], 0) / (o.seconds || 1),
      bytesPerFrame: w0.frames ? w0.deltaBytes / w0.frames : null,
      gaps: watchers.reduce((s, w) => s + w.gaps, 0),
      watchersBehind: behind,
      watchersClosed: closed,
      drainMs,
      extensions: watcherThread.ready.extensions,
    },
    exactness: exact,
    d1,
    profile,
    cpuPercent: { serverGroup: groupCpu, benchClient: selfCpuPct, machine: machinePct, otherProcesses: otherPct, ofTotal: cpus().length * 100 },
    loadAverage: loadavg(),
  };
}
