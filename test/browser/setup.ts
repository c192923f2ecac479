// Global setup of the browser tests: the real app on the embedded workerd (vite dev, as `npm start`
// runs it) on its own throw-away state, with the demo provinces, stations and accounts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM helpers shared with npm start (scripts/lib)
import { adminClient, applyMigrations, ensureDevVars, startServer, waitUntilReady } from "../../scripts/lib/local-server.mjs";
// @ts-expect-error plain ESM helpers shared with npm start (scripts/lib)
import { seedDemo } from "../../scripts/lib/demo.mjs";

export const PORT = 5183;

export default async function setup(project: TestProject) {
  const stateDir = mkdtempSync(join(tmpdir(), "archive-browser-"));
  const adminToken = ensureDevVars();
  applyMigrations(stateDir);
  const server = startServer({ mode: "vite", port: PORT, persistTo: stateDir });
  try {
    await waitUntilReady(server.url);
    const seeded = await seedDemo(adminClient(server.url, adminToken), stateDir);
    project.provide("server", { url: server.url, adminToken, stateDir, ...seeded });
  } catch (err) {
    server.stop();
    throw err;
  }
  return () => {
    server.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
}
