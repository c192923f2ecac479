import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ScanAgent } from "../../agent/agent";
import type { AgentConfig } from "../../agent/config";
import { DEFAULT_CONVENTION } from "../../agent/fonds";
import { silentLog } from "../../agent/log";
import { readStatus } from "../../agent/status";
import { watchFolders } from "../../agent/watcher";
import { pdf, tiff } from "./agent-files";
import { CounterContract } from "./agent-server";

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(): { config: AgentConfig; root: string; put(rel: string, bytes: Uint8Array): void } {
  const base = mkdtempSync(join(tmpdir(), "agent-count-"));
  made.push(base);
  const root = join(base, "scans");
  mkdirSync(root);
  const config: AgentConfig = { server: "http://dashboard.test", project: "p1", token: "station-token", watch: [root], convention: DEFAULT_CONVENTION, polling: false, pollIntervalMs: 100, stableMs: 150, stateDir: join(base, "state") };
  return {
    config,
    root,
    put(rel, bytes) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), bytes);
    },
  };
}

async function scanOnce(config: AgentConfig, server: CounterContract): Promise<ScanAgent> {
  const agent = await ScanAgent.open(config, { log: silentLog, fetch: server.fetch, batchDelayMs: 0, random: () => 0 });
  await agent.scanAll();
  await agent.poster.idle();
  await agent.stop();
  return agent;
}

describe("the scan agent counting a folder", () => {
  it("counts a 2,000-file folder exactly, and a restart, a re-scan, a lost journal or a copied folder add nothing", async () => {
    const { config, root, put } = setup();
    const expected = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const fonds = String(1 + (i % 10));
      const pages = 1 + (i % 7);
      put(i % 4 === 0 ? `${fonds}/hop-${i % 13}/${i}.pdf` : `${fonds}/hop-${i % 13}/${i}.tif`, i % 4 === 0 ? pdf({ pages, seed: i }) : tiff({ pages, seed: i }));
      expected.set(fonds, (expected.get(fonds) ?? 0) + pages);
    }
    const server = new CounterContract();
    const first = await scanOnce(config, server);
    expect(first.session.filesCounted).toBe(2000);
    expect(Object.fromEntries(server.totals)).toEqual(Object.fromEntries(expected));
    expect([...server.userAgents][0]).toMatch(/^archive-scan-agent\/\d+\.\d+\.\d+ /);

    // A restart re-reads nothing (size and time unchanged) and posts nothing.
    const posts = server.posts;
    const second = await scanOnce(config, server);
    expect(second.session.filesRead).toBe(0);
    expect(server.posts).toBe(posts);

    // A folder copied elsewhere under the watched root, and its fonds: same contents, nothing new.
    cpSync(join(root, "3"), join(root, "ban-sao-3"), { recursive: true, preserveTimestamps: false });
    cpSync(join(root, "ban-sao-3"), join(root, "3", "ban-sao"), { recursive: true, preserveTimestamps: false });
    rmSync(join(root, "ban-sao-3"), { recursive: true });
    const third = await scanOnce(config, server);
    expect(third.session.filesRead).toBe(200);
    expect(third.session.filesCounted).toBe(0);
    expect(server.posts).toBe(posts);

    // The journal lost (a reinstalled PC): everything is read and posted again under the same ids, and the
    // server counts none of it twice.
    rmSync(config.stateDir, { recursive: true });
    await scanOnce(config, server);
    expect(server.posts).toBeGreaterThan(posts);
    expect(Object.fromEntries(server.totals)).toEqual(Object.fromEntries(expected));
  }, 60_000);

  it("posts only the difference when a rescan replaces a file with more pages, and nothing when it has fewer", async () => {
    const { config, put } = setup();
    const server = new CounterContract();
    put("21/hop-1/scan.tif", tiff({ pages: 5, seed: 1 }));
    await scanOnce(config, server);
    put("21/hop-1/scan.tif", tiff({ pages: 8, seed: 2 }));
    await scanOnce(config, server);
    expect(server.totals.get("21")).toBe(8);
    expect(server.accepted.size).toBe(2);
    put("21/hop-1/scan.tif", tiff({ pages: 6, seed: 3 }));
    await scanOnce(config, server);
    expect(server.totals.get("21")).toBe(8);
    put("21/hop-1/scan.tif", tiff({ pages: 10, seed: 4 }));
    await scanOnce(config, server);
    expect(server.totals.get("21")).toBe(10);
    // A copy of the first version somewhere else is still that content, already counted.
    put("21/hop-2/old.tif", tiff({ pages: 5, seed: 1 }));
    await scanOnce(config, server);
    expect(server.totals.get("21")).toBe(10);
  });

  it("reports files it cannot count and counts a half-written file once it is complete", async () => {
    const { config, put } = setup();
    const server = new CounterContract();
    const whole = tiff({ pages: 12, seed: 9 });
    put("7/a.tif", whole.subarray(0, 300));
    put("7/secret.pdf", pdf({ pages: 2, encrypt: true }));
    put("loose.tif", tiff({ pages: 1 }));
    const agent = await scanOnce(config, server);
    expect(Object.fromEntries([...agent.problems.values()].map((p) => [p.path.slice(config.watch[0]!.length + 1), p.problem]))).toEqual({
      "7/a.tif": "incomplete",
      "7/secret.pdf": "encrypted",
      "loose.tif": "no_fonds",
    });
    expect(readStatus(config).agent?.problems).toHaveLength(3);
    expect(server.total()).toBe(0);
    put("7/a.tif", whole);
    await scanOnce(config, server);
    expect(server.totals.get("7")).toBe(12);
  });

  it("keeps events the server refuses (409, 400) in refused.jsonl and in status, and posts the rest", async () => {
    const { config, put } = setup();
    const server = new CounterContract();
    server.fonds = new Set(["1", "2"]);
    put("1/a.tif", tiff({ pages: 3, seed: 1 }));
    put("2/b.tif", tiff({ pages: 4, seed: 2 }));
    put("99/c.tif", tiff({ pages: 5, seed: 3 }));
    await scanOnce(config, server);
    expect(server.total()).toBe(7);
    const status = readStatus(config);
    expect(status.refused.map((r) => [r.status, r.event.fonds, r.event.delta])).toEqual([[400, "99", 5]]);
    expect(readFileSync(status.paths.refused, "utf8")).toContain('"fonds":"99"');
    expect(status.queued.events).toBe(0);

    // Another station (a copy of this folder on its PC) already posted this file's event, same fonds, pages
    // and day: the station is part of an event's content, so this is a conflict, refused and kept.
    const otherRoot = `${config.watch[0]}-tram-2`;
    mkdirSync(join(otherRoot, "1"), { recursive: true });
    writeFileSync(join(otherRoot, "1", "d.tif"), tiff({ pages: 2, seed: 4 }));
    await scanOnce({ ...config, token: "other-station-token", watch: [otherRoot], stateDir: `${config.stateDir}-tram-2` }, server);
    put("1/d.tif", tiff({ pages: 2, seed: 4 }));
    expect(server.total()).toBe(9);
    await scanOnce(config, server);
    expect(readStatus(config).refused.map((r) => [r.status, r.event.fonds, r.event.delta])).toEqual([
      [400, "99", 5],
      [409, "1", 2],
    ]);
    expect(server.total()).toBe(9);
  });

  it("watches the folder and counts files as the scan software writes them", async () => {
    const { config, put } = setup();
    const server = new CounterContract();
    put("5/before.tif", tiff({ pages: 2, seed: 1 }));
    const agent = await ScanAgent.open(config, { log: silentLog, fetch: server.fetch, batchDelayMs: 0 });
    const watcher = watchFolders(agent);
    try {
      await watcher.ready;
      put("5/hop-9/new.pdf", pdf({ pages: 6, seed: 2 }));
      put("6/other.tif", tiff({ pages: 3, seed: 3 }));
      await expect.poll(() => server.total(), { timeout: 10_000 }).toBe(11);
    } finally {
      await watcher.close();
      await agent.stop();
    }
  });
});
