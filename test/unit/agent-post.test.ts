import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ScanAgent } from "../../agent/agent";
import type { AgentConfig } from "../../agent/config";
import { DEFAULT_CONVENTION } from "../../agent/fonds";
import { silentLog } from "../../agent/log";
import { tiff } from "./agent-files";
import { CounterContract } from "./agent-server";

const base = mkdtempSync(join(tmpdir(), "agent-post-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

// The agent against the real app, killed and restarted mid-posting: test/browser/agent-restart.test.ts.
describe("the scan agent posting to a server over HTTP", () => {
  it("gets every page counted exactly once while the server keeps asking it to slow down (429, Retry-After)", async () => {
    const contract = new CounterContract();
    contract.rateLimitEvery = 4;
    const server = await contract.listen();
    const root = join(base, "scans");
    let expected = 0;
    for (let i = 0; i < 200; i++) {
      mkdirSync(join(root, String(i % 6)), { recursive: true });
      writeFileSync(join(root, String(i % 6), `${i}.tif`), tiff({ pages: 1 + (i % 5), seed: i }));
      expected += 1 + (i % 5);
    }
    const config: AgentConfig = { server: server.url, project: "p1", token: "station-token", watch: [root], convention: DEFAULT_CONVENTION, polling: false, pollIntervalMs: 100, stableMs: 100, stateDir: join(base, "state") };
    const agent = await ScanAgent.open(config, { log: silentLog, batchDelayMs: 0, batchSize: 40, random: () => 0 });
    const started = Date.now();
    await agent.scanAll();
    await agent.poster.idle();
    await agent.stop();

    expect(contract.total()).toBe(expected);
    expect(contract.accepted.size).toBe(200);
    // Five batches and a 429 on every fourth post: at least one wait of the server's second was kept.
    expect(contract.posts).toBeGreaterThanOrEqual(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await server.close();
  }, 30_000);
});
