// Global setup of the browser tests: the real app as `npm start` runs it (the production build on
// `wrangler dev`, embedded workerd) on its own throw-away state, with the demo provinces, stations, accounts
// and a backfilled history (so charts and forecasts have a past). Not the vite dev server: its proxy to
// workerd answered stray HTML 500s under load, and a test must fail for the app's faults only. The build
// (a few seconds) goes to its own directory, so a running `npm start` keeps its dist/ and edits made
// during the run do not change the app under test. A small control server lets a test stop the app and
// start it again on the same port and state (test/browser/restart.test.ts), as a deploy or a crash would.
// A test that needs an empty system starts a server of its own on the same build (admin-setup.test.ts).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM helpers shared with npm start (scripts/lib)
import { adminClient, applyMigrations, buildDashboard, startServer, waitUntilReady, waitUntilStopped } from "../../scripts/lib/local-server.mjs";
// @ts-expect-error plain ESM helpers shared with npm start (scripts/lib)
import { backfill, DEMO, seedDemo } from "../../scripts/lib/demo.mjs";

// Another checkout's browser tests may hold the default port on a shared machine: BROWSER_TEST_PORT moves it.
export const PORT = Number(process.env.BROWSER_TEST_PORT) || 5183;

interface Running {
  child: import("node:child_process").ChildProcess;
  stop(): void;
  url: string;
}

export default async function setup(project: TestProject) {
  const distDir: string = buildDashboard({ outDir: mkdtempSync(join(tmpdir(), "archive-browser-dist-")) });
  const stateDir = mkdtempSync(join(tmpdir(), "archive-browser-"));
  const adminToken = randomBytes(24).toString("base64url");
  applyMigrations(stateDir);
  const start = (): Running => startServer({ mode: "built", port: PORT, persistTo: stateDir, adminToken, distDir }) as Running;
  let server = start();

  async function stop(): Promise<void> {
    const exited = new Promise((resolve) => (server.child.exitCode !== null ? resolve(null) : server.child.once("exit", resolve)));
    server.stop();
    await exited;
    await waitUntilStopped(server.url);
  }

  async function restart(): Promise<void> {
    server = start();
    await waitUntilReady(server.url);
  }

  const control = createServer((req, res) => {
    const action = req.url === "/stop" ? stop() : req.url === "/start" ? restart() : Promise.reject(new Error(`unknown ${req.url}`));
    action.then(
      () => res.writeHead(200).end("ok"),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));

  try {
    await waitUntilReady(server.url);
    const call = adminClient(server.url, adminToken);
    const seeded = await seedDemo(call, stateDir);
    for (const d of DEMO as { project: { id: string } }[]) {
      await backfill(server.url, call, d, seeded.stations[d.project.id]);
      // Each browser test starts from no alert rules and adds the ones it checks; new projects come with the
      // starter rules (worker/alerts/starter-rules.ts), whose alerts would toast over other tests' pages.
      const { rules } = (await call("GET", `/projects/${d.project.id}/alert-rules`)) as { rules: { id: string }[] };
      for (const r of rules) await call("DELETE", `/projects/${d.project.id}/alert-rules/${r.id}`);
    }
    const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
    project.provide("server", { url: server.url, adminToken, stateDir, controlUrl, distDir, ...seeded });
  } catch (err) {
    server.stop();
    control.close();
    for (const dir of [stateDir, distDir]) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return () => {
    server.stop();
    control.close();
    for (const dir of [stateDir, distDir]) rmSync(dir, { recursive: true, force: true });
  };
}
