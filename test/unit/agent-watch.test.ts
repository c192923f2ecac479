// The agent's watcher (agent/watcher.ts) on a real folder, with OS change events and with polling (what a
// network share needs): files already there and files written later are counted, and a file the scan
// software is still writing is not read until it has held still, then counted once.
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ScanAgent } from "../../agent/agent";
import type { AgentConfig } from "../../agent/config";
import { DEFAULT_CONVENTION } from "../../agent/fonds";
import { silentLog } from "../../agent/log";
import { watchFolders } from "../../agent/watcher";
import { pdf, tiff } from "./agent-files";
import { CounterContract } from "./agent-server";

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function watching(polling: boolean, stableMs: number, before: (root: string) => void = () => {}) {
  const base = mkdtempSync(join(tmpdir(), "agent-watch-"));
  made.push(base);
  const root = join(base, "scans");
  mkdirSync(root);
  before(root);
  const config: AgentConfig = { server: "http://dashboard.test", project: "p1", token: "station-token", watch: [root], convention: DEFAULT_CONVENTION, polling, pollIntervalMs: 100, stableMs, stateDir: join(base, "state") };
  const server = new CounterContract();
  const agent = await ScanAgent.open(config, { log: silentLog, fetch: server.fetch, batchDelayMs: 0 });
  const watcher = watchFolders(agent);
  await watcher.ready;
  return {
    root,
    server,
    agent,
    put(rel: string, bytes: Uint8Array) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), bytes);
    },
    async close() {
      await watcher.close();
      await agent.stop();
    },
  };
}

describe.each([
  { mode: "OS change events", polling: false },
  { mode: "polling, as for a network share", polling: true },
])("the watcher with $mode", ({ polling }) => {
  it("counts the files already there and those written later, each once", { timeout: 40_000 }, async () => {
    const w = await watching(polling, 200, (root) => {
      mkdirSync(join(root, "3"));
      writeFileSync(join(root, "3", "old.tif"), tiff({ pages: 4, seed: 1 }));
    });
    try {
      await expect.poll(() => w.server.total(), { timeout: 10_000 }).toBe(4);
      w.put("3/hop-1/new.pdf", pdf({ pages: 5, seed: 2 }));
      w.put("8/new.tif", tiff({ pages: 2, seed: 3 }));
      await expect.poll(() => w.server.total(), { timeout: 10_000 }).toBe(11);
      // A rescan replaces a file with more pages: only the difference.
      w.put("8/new.tif", tiff({ pages: 6, seed: 4 }));
      await expect.poll(() => w.server.totals.get("8"), { timeout: 10_000 }).toBe(6);
      expect(w.server.accepted.size).toBe(4);
    } finally {
      await w.close();
    }
  });

  it("holds a file that is still being written until it has held still, then counts it once", { timeout: 60_000 }, async () => {
    const stableMs = 1_000;
    const w = await watching(polling, stableMs);
    try {
      const whole = tiff({ pages: 40, seed: 7 });
      const path = join(w.root, "12", "hop-2", "scan.tif");
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, "w");
      // Written in 16 pieces a tenth of a second apart, as a scanner writes a long document.
      const pieces = 16;
      const size = Math.ceil(whole.length / pieces);
      for (let i = 0; i < pieces; i++) {
        writeSync(fd, whole, i * size, Math.min(size, whole.length - i * size));
        await sleep(100);
        expect(w.agent.session.filesRead).toBe(0);
      }
      closeSync(fd);
      expect(w.server.total()).toBe(0);
      // Polling finds the new folders one level at a time: on a machine busy with other test files
      // (the suite runs them side by side) that took over 10 s once.
      await expect.poll(() => w.server.total(), { timeout: 30_000 }).toBe(40);
      // Nothing more comes of it: no second read, no problem recorded from a half-read.
      await sleep(2 * stableMs);
      expect(w.agent.session.filesRead).toBe(1);
      expect(w.agent.problems.size).toBe(0);
      expect(w.server.accepted.size).toBe(1);
    } finally {
      await w.close();
    }
  });
});
