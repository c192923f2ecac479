// `npm start`: the production build of the dashboard and the worker served by `wrangler dev` on the embedded
// workerd with the local D1 (migrated), demo data, simulated stations. A first look runs on what is deployed,
// not on the hot-reloading dev server (`npm run dev`), whose proxy to workerd answered stray HTML 500s.
import { adminClient, applyMigrations, buildDashboard, ensureDevVars, ROOT, startServer, waitUntilReady } from "./lib/local-server.mjs";
import { backfill, DEMO, seedDemo, simulate } from "./lib/demo.mjs";

const port = Number(process.env.PORT ?? 5173);
const adminToken = ensureDevVars();
// Always rebuilt: a fresh clone has no dist/, and an old one would serve stale code (a few seconds).
console.log("  building the dashboard and the worker (vite build) …");
buildDashboard();
applyMigrations();
const server = startServer({ mode: "built", port, adminToken, log: (line) => console.log(`  ${line}`) });
const shutdown = () => {
  server.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
server.child.on("exit", (code) => {
  console.error(`wrangler dev exited (${code})`);
  process.exit(code ?? 1);
});

await waitUntilReady(server.url);
const call = adminClient(server.url, adminToken);
// Alert rules need no seeding: a new project gets the starter rules (worker/alerts/starter-rules.ts).
const { stations, accounts } = await seedDemo(call, `${ROOT}.wrangler/state`);
for (const d of DEMO) await backfill(server.url, call, d, stations[d.project.id]);
simulate(server.url, call, stations, { log: (line) => console.log(line) });

const first = stations[DEMO[0].project.id][0];
console.log(`
  Bảng điều khiển (dashboard):  ${server.url}/
  Dự án mẫu (demo projects):    ${DEMO.map((d) => `${server.url}/p/${d.project.id}`).join("\n                                ")}
  Màn hình lớn (wall screen):   ${server.url}/wall
  Nhập số liệu trạm (station):  ${server.url}/station   (project ${DEMO[0].project.id} + the station token below)
  API:                          ${server.url}/api/v1/openapi.json
  Chạy báo cáo định kỳ (cron):  ${server.url}/__scheduled?cron=0+0+*+*+*
  Mã trạm mẫu (station token):  ${first.token}   (${first.name}, ${DEMO[0].project.id})
  Mã vận hành (operator token): ${adminToken}   (from .dev.vars; for scripts)

  Tài khoản mẫu (demo accounts):
${accounts.map((a) => `    ${a.role.padEnd(11)} ${a.email.padEnd(27)} ${a.password}   (${a.provinces.join(", ") || "toàn hệ thống / system-wide"})`).join("\n")}

  Thử gửi số liệu (try a counter):
    curl -X POST ${server.url}/api/v1/projects/${DEMO[0].project.id}/counters \\
      -H "Authorization: Bearer ${first.token}" -H "Content-Type: application/json" \\
      -d '{"events":[{"id":"thu-1","fonds":"4","kind":"pages","delta":120}]}'

  Simulated stations post every 3 s. Ctrl+C stops everything. This is the production build:
  after editing web/ or worker/, restart it, or use \`npm run dev\` (hot reload).
`);
