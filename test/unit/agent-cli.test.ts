// The agent as a scan PC gets it: the one-file bundle (`npm run build:agent`, built here into a temp
// folder, so the test never runs a stale dist-agent/) run with node, for `init`, `status` and `--help`.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanAgent } from "../../agent/agent";
import { loadConfig } from "../../agent/config";
import { silentLog } from "../../agent/log";
import { AGENT_VERSION } from "../../agent/version";
import { tiff } from "./agent-files";
import { CounterContract } from "./agent-server";

const base = mkdtempSync(join(tmpdir(), "agent-cli-"));
const bundle = join(base, "archive-scan-agent.cjs");
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeAll(() => {
  // The package's own build script, only its output moved (esbuild takes the last --outfile).
  execFileSync("npm", ["run", "--silent", "build:agent", "--", `--outfile=${bundle}`], { stdio: "pipe" });
}, 60_000);

/** Runs the bundle; resolves with the exit code and what it printed, never throws on a non-zero exit. */
async function agent(args: string[], node = process.execPath): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(node, [bundle, ...args], { cwd: base, timeout: 30_000 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

describe("the packaged agent", () => {
  it("is one file that runs with node alone and explains itself", async () => {
    expect(statSync(bundle).size).toBeGreaterThan(100_000);
    const help = await agent(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain(`archive-scan-agent ${AGENT_VERSION}`);
    for (const command of ["init", "run", "scan", "status"]) expect(help.out).toContain(`  ${command}`);
    expect(await agent(["--version"])).toEqual({ code: 0, out: `${AGENT_VERSION}\n` });
    // No command: the usage, and a failing exit for a service manager to see.
    expect((await agent([])).code).toBe(2);
  });

  // The README promises Node 20; the tests run on 22 (the `node` devDependency). Where the machine's own
  // Node is there (Debian's here), the bundle is run on it too.
  it.runIf(existsSync("/usr/bin/node"))("runs on the machine's own Node as well", async () => {
    const version = execFileSync("/usr/bin/node", ["--version"], { encoding: "utf8" }).trim();
    expect(Number(version.slice(1).split(".")[0])).toBeGreaterThanOrEqual(20);
    expect(await agent(["--version"], "/usr/bin/node")).toEqual({ code: 0, out: `${AGENT_VERSION}\n` });
  });

  it("init writes the config, readable by its owner only, and refuses a bad one naming every fault", async () => {
    const config = join(base, "init", "archive-agent.json");
    mkdirSync(join(base, "init"));
    const bad = await agent(["init", "--config", config, "--server", "ftp://tiendo", "--project", "hatinh-2026", "--watch", "D:/Scans", "--stable", "5"]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("server must be an http(s) URL");
    expect(bad.out).toContain("token is required");
    expect(bad.out).toContain("stableMs must be a whole number of milliseconds ≥ 100");
    expect(existsSync(config)).toBe(false);

    const args = ["init", "--config", config, "--server", "https://tiendo.example.vn", "--project", "hatinh-2026", "--token", "tok-123"];
    const ok = await agent([...args, "--watch", "scans", "--watch", "/mnt/share/scans", "--convention", "*/PHONG-{fonds}/**", "--polling", "--poll-interval", "2000", "--stable", "500"]);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`wrote ${config}`);
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(config, "utf8"))).toEqual({
      server: "https://tiendo.example.vn",
      project: "hatinh-2026",
      token: "tok-123",
      // Relative folders are the config's folder's, wherever the agent is started from later.
      watch: [join(base, "init", "scans"), "/mnt/share/scans"],
      convention: "*/PHONG-{fonds}/**",
      polling: true,
      pollIntervalMs: 2000,
      stableMs: 500,
      stateDir: join(base, "init", "archive-agent-state"),
    });
    // Run again: the old config is replaced, and says so.
    const again = await agent([...args, "--watch", "scans"]);
    expect(again.out).toContain(`replacing ${config}`);
    expect(loadConfig(config)).toMatchObject({ polling: false, convention: "{fonds}/**", stableMs: 3000 });
  });

  it("status prints what was counted, what is queued, the last post and the last error", async () => {
    const dir = join(base, "status");
    const config = join(dir, "archive-agent.json");
    mkdirSync(join(dir, "scans", "21"), { recursive: true });
    const init = await agent(["init", "--config", config, "--server", "http://dashboard.test", "--project", "p1", "--token", "station-token", "--watch", "scans"]);
    expect(init.code, init.out).toBe(0);
    expect((await agent(["status", "--config", config])).out).toContain("counted: 0 files, 0 pages taken by the server");

    for (const [i, pages] of [2, 3, 4].entries()) writeFileSync(join(dir, "scans", "21", `${i}.tif`), tiff({ pages, seed: 100 + i }));
    writeFileSync(join(dir, "scans", "21", "cut.tif"), tiff({ pages: 6, seed: 200 }).subarray(0, 200));
    // Counted with the network down, so all three wait in the journal...
    const offline = (() => Promise.reject(new TypeError("fetch failed"))) as typeof fetch;
    const first = await ScanAgent.open(loadConfig(config), { log: silentLog, fetch: offline, batchDelayMs: 0, random: () => 0 });
    await first.scanAll();
    await first.stop();
    // ...then the server takes the first batch of two, and the network goes again.
    const server = new CounterContract();
    let posts = 0;
    const flaky = ((url: string, init?: RequestInit) => (posts++ === 0 ? server.fetch(url, init) : offline(url, init))) as typeof fetch;
    const second = await ScanAgent.open(loadConfig(config), { log: silentLog, fetch: flaky, batchSize: 2, batchDelayMs: 0, random: () => 0 });
    await second.scanAll();
    await expect.poll(() => posts).toBeGreaterThan(1);
    await second.stop();
    expect(server.accepted.size).toBe(2);

    const { code, out } = await agent(["status", "--config", config]);
    expect(code).toBe(0);
    const lines = out.split("\n");
    const posted = server.total();
    expect(posted).toBeGreaterThan(0);
    expect(lines).toContain("server http://dashboard.test, project p1");
    expect(lines).toContain(`counted: 3 files, ${posted} pages taken by the server`);
    expect(lines).toContain(`queued: 1 events, ${9 - posted} pages`);
    expect(lines.find((l) => l.startsWith("last post: "))).toMatch(/^last post: \d{4}-\d\d-\d\dT[\d:.]+Z \(2 accepted, 0 already counted\)$/);
    expect(lines.find((l) => l.startsWith("last error: "))).toMatch(/^last error: \d{4}-\d\d-\d\dT[\d:.]+Z fetch failed$/);
    expect(out).toContain(`files not counted (1):\n  incomplete: ${join(dir, "scans", "21", "cut.tif")}`);

    const json = JSON.parse((await agent(["status", "--config", config, "--json"])).out);
    expect(json).toMatchObject({ filesKnown: 3, pagesPosted: posted, queued: { events: 1, pages: 9 - posted }, refused: [] });
  });
});
