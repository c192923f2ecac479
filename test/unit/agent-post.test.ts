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

describe("the scan agent posting to a server over HTTP", () => {
  it("gets every page counted exactly once while the server is killed, restarted and asks it to slow down", async () => {
    const contract = new CounterContract();
    contract.rateLimitEvery = 7;
    let server = await contract.listen();
    const root = join(base, "scans");
    let expected = 0;
    for (let i = 0; i < 600; i++) {
      mkdirSync(join(root, String(i % 6)), { recursive: true });
      writeFileSync(join(root, String(i % 6), `${i}.tif`), tiff({ pages: 1 + (i % 5), seed: i }));
      expected += 1 + (i % 5);
    }
    const config: AgentConfig = { server: server.url, project: "p1", token: "station-token", watch: [root], convention: DEFAULT_CONVENTION, polling: false, pollIntervalMs: 100, stableMs: 100, stateDir: join(base, "state") };
    // Small batches so the server dies mid-stream; random 0 keeps backoff at its shortest (0.5 s, 1 s, …).
    const open = () => ScanAgent.open(config, { log: silentLog, batchDelayMs: 0, batchSize: 40, random: () => 0 });
    let agent = await open();
    const scanned = agent.scanAll();
    await expect.poll(() => contract.accepted.size, { interval: 5, timeout: 15_000 }).toBeGreaterThan(100);
    await server.close(); // killed while the agent posts: some answers never arrive
    await new Promise((r) => setTimeout(r, 700));
    server = await contract.listen(server.port);
    await scanned;
    await expect.poll(() => contract.accepted.size, { interval: 5, timeout: 15_000 }).toBeGreaterThan(300);

    // The agent itself is stopped with events queued and started again on the same journal.
    await agent.stop();
    expect(agent.journal.ledger.pending.size).toBeGreaterThan(0);
    agent = await open();
    await agent.scanAll();
    await agent.poster.idle();
    await agent.stop();

    expect(contract.total()).toBe(expected);
    expect(contract.accepted.size).toBe(600);
    expect(agent.journal.ledger.postedPages).toBeGreaterThan(0);
    await server.close();
  }, 30_000);
});
