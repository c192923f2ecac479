// Small helpers for the benchmarks: percentiles and the CPU time of a process group (Linux /proc).
import { readdirSync, readFileSync } from "node:fs";

/** Nearest-rank percentile of an ascending array; undefined when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** pid → { name, ticks } (user + system clock ticks) for every process in the group; empty off Linux. */
export function processGroupCpu(pgid) {
  const out = new Map();
  let pids;
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const close = stat.lastIndexOf(")");
    const name = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" "); // fields[0] is field 3 (state)
    if (Number(fields[2]) !== pgid) continue; // field 5: pgrp
    out.set(Number(pid), { name, ticks: Number(fields[11]) + Number(fields[12]) }); // fields 14, 15: utime, stime
  }
  return out;
}

/** Busy and total clock ticks of the whole machine (Linux /proc/stat), to see what else ran meanwhile. */
export function machineCpu() {
  try {
    const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0); // idle + iowait
    const total = f.reduce((s, x) => s + x, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
