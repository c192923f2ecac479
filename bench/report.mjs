// npm run bench:report — a monthly report over a project with 1,000,000 counter events.
// Starts `wrangler dev` on its own state, posts the events through the real API (10 stations, 21 fonds,
// 3 kinds, spread over 2026's working days), waits until D1 has them all, then times report generation.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { FIXTURES } from "../scripts/lib/local-server.mjs";
import { copySources, startMeasured } from "./lib/servers.mjs";

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 15);
const adminToken = `bench-${Math.random().toString(36).slice(2)}`;
// The same measured server as bench:live: a copy of the sources (so a fresh clone, without the
// dashboard's build, starts too) on its own state and a free port.
const sources = copySources(tmpdir());
let server = null;
const stop = () => {
  server?.stop();
  sources.remove();
};
process.on("SIGINT", () => (stop(), process.exit(130)));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

try {
  server = await startMeasured({ sourceDir: sources.dir, parent: tmpdir(), adminToken, onExit: (code, lines) => console.error(`wrangler dev exited (${code}):\n${lines.join("\n")}`) });
  const call = server.adminClient(server.url, adminToken);
  await call("POST", "/provinces", { id: "bench", name: "Tỉnh thử" });
  await call("POST", "/provinces/bench/projects", { id: "report-bench", name: "Dự án đo", periodStart: "2026-01-01", periodEnd: "2026-12-31" });
  await call("POST", "/projects/report-bench/plan/import", { table: readFileSync(`${FIXTURES}hatinh-2021-results.tsv`, "utf8") });
  const stations = [];
  for (let i = 0; i < 10; i++) stations.push(await call("POST", "/projects/report-bench/stations", { name: `Trạm ${i + 1}` }));
  const days = [];
  for (let d = new Date("2026-01-05T00:00:00Z"); d < new Date("2026-11-20T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) days.push(d.toISOString().slice(0, 10));
  const kinds = ["files", "documents", "pages"];
  const started = Date.now();
  let sent = 0;
  // Each station works through the year; a batch is 500 events of one day.
  const post = async (s) => {
    for (let b = s; b * 500 < EVENTS; b += stations.length) {
      const events = [];
      for (let i = 0; i < 500 && b * 500 + i < EVENTS; i++) {
        const n = b * 500 + i;
        events.push({ id: `e${n}`, fonds: String(1 + (n % 21)), kind: kinds[n % 3], delta: 1 + (n % 5), at: `${days[Math.floor((b / Math.ceil(EVENTS / 500)) * days.length)]}T10:00:00+07:00` });
      }
      for (;;) {
        const res = await fetch(`${server.url}/api/v1/projects/report-bench/counters`, { method: "POST", headers: { Authorization: `Bearer ${stations[s].token}`, "Content-Type": "application/json" }, body: JSON.stringify({ events }) });
        if (res.status === 429) {
          await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get("Retry-After") ?? 1)));
          continue;
        }
        if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
        break;
      }
      sent += events.length;
      if (sent % 100_000 === 0) console.log(`  ${sent.toLocaleString("vi-VN")} events posted (${Math.round(sent / ((Date.now() - started) / 1000))}/s)`);
    }
  };
  await Promise.all(stations.map((_, s) => post(s)));
  const expected = (await call("GET", "/projects/report-bench/snapshot")).totals.reduce((s, t) => s + t.amount, 0);
  // D1 converges a little after the last post: wait until a year report sees every event.
  for (;;) {
    const r = await call("POST", "/projects/report-bench/reports", { from: "2026-01-01", to: "2026-12-31" });
    const view = await call("GET", `/projects/report-bench/reports/${r.id}`);
    const got = Object.values(view.content.table.totals).reduce((s, c) => s + c.cumulative, 0);
    if (got === expected) break;
    await new Promise((res) => setTimeout(res, 1000));
  }
  const rows = Number((await call("GET", "/projects/report-bench/snapshot")).seq);
  const timings = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await call("POST", "/projects/report-bench/reports", { from: "2026-10-17", to: "2026-11-16" });
    timings.push(performance.now() - t0);
  }
  console.log(
    JSON.stringify(
      { command: "npm run bench:report", events: rows, runs: RUNS, monthlyReportMs: { median: Math.round(median(timings)), p95: Math.round(p95(timings)), min: Math.round(Math.min(...timings)) }, target: 1000, ratio: +(median(timings) / 1000).toFixed(3) },
      null,
      2,
    ),
  );
} finally {
  stop();
}
