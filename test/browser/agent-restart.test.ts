// The scan-PC agent against the real app (the production build on wrangler dev, its Durable Object and D1),
// not a test server: the app is stopped while the agent posts and started again, the agent is stopped and
// started again as a new process, the folder is re-scanned, and the journal is lost; the server's totals
// must be exact after each (nothing lost, nothing counted twice). No browser is needed, only the app that
// this project's setup runs (test/browser/setup.ts).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ScanAgent } from "../../agent/agent";
import { loadConfig } from "../../agent/config";
import type { Logger } from "../../agent/log";
import { readStatus } from "../../agent/status";
import { pdf, tiff } from "../unit/agent-files";
import { PROJECT, server, serverTotal } from "./browser";

const FONDS = ["11", "12", "13"];
const FILES = 600;
const base = mkdtempSync(join(tmpdir(), "agent-real-server-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The agent's command line as a scan PC runs it, one process per call (tsx: the sources, not a stale bundle). */
async function cli(...args: string[]): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(join("node_modules", ".bin", "tsx"), ["agent/cli.ts", ...args], { timeout: 180_000 });
  return stdout + stderr;
}

async function totals(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(FONDS.map(async (f) => [f, await serverTotal(PROJECT, f, "pages")] as const)));
}

describe("the scan agent posting to the real server", () => {
  it("counts every page once through a server stop mid-posting, an agent restart, a re-scan and a lost journal", { timeout: 300_000 }, async () => {
    const { url, stations } = inject("server");
    const station = stations[PROJECT]!.at(-1)!;
    const root = join(base, "scans");
    const expected: Record<string, number> = Object.fromEntries(FONDS.map((f) => [f, 0]));
    for (let i = 0; i < FILES; i++) {
      const fonds = FONDS[i % FONDS.length]!;
      const pages = 1 + (i % 5);
      mkdirSync(join(root, fonds, `hop-${i % 7}`), { recursive: true });
      writeFileSync(join(root, fonds, `hop-${i % 7}`, i % 4 === 0 ? `${i}.pdf` : `${i}.tif`), i % 4 === 0 ? pdf({ pages, seed: i }) : tiff({ pages, seed: i }));
      expected[fonds]! += pages;
    }
    const configPath = join(base, "archive-agent.json");
    const log: string[] = [];
    log.push(await cli("init", "--config", configPath, "--server", url, "--project", PROJECT, "--token", station.token, "--watch", root, "--stable", "100", "--state", join(base, "state")));
    const config = loadConfig(configPath);
    const before = await totals();
    const want = Object.fromEntries(FONDS.map((f) => [f, before[f]! + expected[f]!]));
    const logger: Logger = { info: (m) => log.push(m), warn: (m) => log.push(`WARN ${m}`), error: (m) => log.push(`ERROR ${m}`) };

    // Small batches, so posting takes a while (the station's rate limit answers 429 past its burst) and the
    // stop lands in the middle of it; random 0 keeps the backoff short.
    const agent = await ScanAgent.open(config, { log: logger, batchDelayMs: 0, batchSize: 5, random: () => 0 });
    const scanned = agent.scanAll();
    await expect.poll(() => agent.journal.ledger.postedPages, { interval: 20, timeout: 60_000 }).toBeGreaterThan(0);
    await server("stop");
    await scanned;
    // Stopped with work still queued: the server went away in the middle of the posting.
    await agent.stop();
    expect(agent.journal.ledger.pending.size).toBeGreaterThan(0);
    await server("start");
    const half = await totals();
    for (const f of FONDS) expect(half[f]).toBeLessThanOrEqual(want[f]!);

    // The agent started again as a new process on the same journal: it reads nothing and posts what waits.
    log.push(await cli("scan", "--config", configPath));
    const afterRestart = readStatus(config);
    expect(afterRestart.agent?.session.filesRead).toBe(0);
    expect(afterRestart.queued.events).toBe(0);
    expect(afterRestart.refused, log.join("\n")).toEqual([]);
    expect(await totals(), log.join("\n")).toEqual(want);

    // A re-scan of the same folder: nothing read again, nothing posted.
    log.push(await cli("scan", "--config", configPath));
    const rescan = readStatus(config).agent!;
    expect(rescan.session.filesRead).toBe(0);
    expect(rescan.poster.lastPostAt).toBeNull();
    expect(await totals()).toEqual(want);

    // The journal lost (a reinstalled PC): every file is read and posted again under the same ids, and the
    // server takes all of it as already counted: same station, fonds, pages and day (worker/live/dedup.ts).
    rmSync(config.stateDir, { recursive: true });
    const again = await cli("scan", "--config", configPath);
    log.push(again);
    const fresh = readStatus(config);
    expect(fresh.agent?.session.filesCounted).toBe(FILES);
    expect(fresh.refused, log.join("\n")).toEqual([]);
    expect(fresh.queued.events).toBe(0);
    const posted = again.match(/posted \d+ events \(\d+ pages\): \d+ accepted/g) ?? [];
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.filter((line) => !line.endsWith(": 0 accepted")), again).toEqual([]);
    expect(await totals(), log.join("\n")).toEqual(want);
  });
});
