// bench:live's checks on a finished round: exactness of the feed against the HTTP snapshot and what was
// posted, when D1 caught up, when a watcher reached a seq, CPU per process name.
import { existsSync, readdirSync } from "node:fs";
import { clock as now } from "./watchers.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** When watcher `w` first held a seq ≥ `seq` (its frames' seqs ascend), or null. */
export function reachedAt(w, seq) {
  let lo = 0;
  let hi = w.seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.seqs[mid] >= seq) hi = mid;
    else lo = mid + 1;
  }
  return lo < w.seqs.length ? w.times[lo] : null;
}

export function checkExact({ watchers, httpSnap, initial, expected, expectedSum, acceptedAll, finalSeq, partial, retriesCounted }) {
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
  if (retriesCounted) problems.push(`retried batches were counted again (${retriesCounted} events)`);
  if (w.undecodable) problems.push(`watcher 0 could not decode ${w.undecodable} frames`);
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
export async function d1CatchUp(dir, projectId, count, tPostEnd) {
  let DatabaseSync;
  try {
    const emit = process.emitWarning;
    process.emitWarning = () => {}; // node:sqlite is "experimental" in Node 22
    ({ DatabaseSync } = await import("node:sqlite"));
    process.emitWarning = emit;
  } catch {
    return { ok: false, detail: "n/a (node:sqlite unavailable)" };
  }
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

export function diffCpu(a, b, seconds) {
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
