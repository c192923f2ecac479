// npm run bench:agent — the scan-PC agent on a generated tree of 10,000 files (TIFF 1–8 pages, every
// fourth a PDF; 20 fonds folders × 25 batch folders), posting over HTTP to the counter contract's test
// server (test/unit/agent-server.ts). Per run: a first scan (read, hash, count, journal, post: files/s
// until the server has every page), then a restart on the same journal (files/s to confirm nothing
// changed), with the agent's peak RSS. Prints medians and writes bench/results/agent-*.json.
//   npm run bench:agent -- --files 10000 --runs 5
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ScanAgent } from "../agent/agent";
import { DEFAULT_CONVENTION } from "../agent/fonds";
import { silentLog } from "../agent/log";
import { pdf, tiff } from "../test/unit/agent-files";
import { CounterContract } from "../test/unit/agent-server";

const { values } = parseArgs({ options: { files: { type: "string", default: "10000" }, runs: { type: "string", default: "5" } } });
const FILES = Number(values.files);
const RUNS = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const base = mkdtempSync(join(tmpdir(), "bench-agent-"));
const root = join(base, "scans");
let pages = 0;
let bytes = 0;
for (let i = 0; i < FILES; i++) {
  const folder = join(root, String(1 + (i % 20)), `hop-${i % 25}`);
  mkdirSync(folder, { recursive: true });
  const n = 1 + (i % 8);
  const data = i % 4 === 0 ? pdf({ pages: n, seed: i }) : tiff({ pages: n, seed: i });
  writeFileSync(join(folder, `${i}.${i % 4 === 0 ? "pdf" : "tif"}`), data);
  pages += n;
  bytes += data.length;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function run(i: number) {
  const contract = new CounterContract();
  const server = await contract.listen();
  const config = { server: server.url, project: "bench", token: "station-token", watch: [root], convention: DEFAULT_CONVENTION, polling: false, pollIntervalMs: 1000, stableMs: 1000, stateDir: join(base, `state-${i}`) };
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  let t = performance.now();
  const first = await ScanAgent.open(config, { log: silentLog, batchDelayMs: 50 });
  await first.scanAll();
  await first.poster.idle();
  await first.stop();
  const firstMs = performance.now() - t;
  if (contract.total() !== pages) throw new Error(`counted ${contract.total()} pages, expected ${pages}`);
  const firstPeak = peakRss;
  t = performance.now();
  const again = await ScanAgent.open(config, { log: silentLog, batchDelayMs: 50 });
  await again.scanAll();
  await again.stop();
  const restartMs = performance.now() - t;
  if (again.session.filesRead !== 0 || contract.total() !== pages) throw new Error("the restart read or counted again");
  await server.close();
  return { firstFilesPerS: FILES / (firstMs / 1000), restartFilesPerS: FILES / (restartMs / 1000), peakRssMiB: firstPeak / 2 ** 20, rssBeforeMiB: rssBefore / 2 ** 20, posts: contract.posts };
}

const results = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const r = await run(i);
    results.push(r);
    console.log(`run ${i + 1}: first scan ${r.firstFilesPerS.toFixed(0)} files/s, restart ${r.restartFilesPerS.toFixed(0)} files/s, peak RSS ${r.peakRssMiB.toFixed(0)} MiB, ${r.posts} posts`);
  }
} finally {
  clearInterval(sampler);
  rmSync(base, { recursive: true, force: true });
}
const summary = {
  command: `npm run bench:agent -- --files ${FILES} --runs ${RUNS}`,
  commit: execSync("git rev-parse --short HEAD").toString().trim(),
  node: process.version,
  files: FILES,
  pages,
  megabytes: bytes / 2 ** 20,
  medians: {
    firstScanFilesPerS: median(results.map((r) => r.firstFilesPerS)),
    restartFilesPerS: median(results.map((r) => r.restartFilesPerS)),
    peakRssMiB: median(results.map((r) => r.peakRssMiB)),
  },
  runs: results,
};
console.log(JSON.stringify({ ...summary, runs: undefined }, null, 2));
mkdirSync("bench/results", { recursive: true });
writeFileSync(`bench/results/agent-${new Date().toISOString().replace(/[:.]/g, "-")}.json`, JSON.stringify(summary, null, 2));
