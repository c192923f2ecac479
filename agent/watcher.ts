// Watches the scan folders with chokidar: OS change events on a local disk, polling on a network share
// (config.polling), and awaitWriteFinish so a file is reported once its size has held still for
// config.stableMs. The initial walk reports every existing file; the journal makes that cheap on a restart
// (size and time unchanged: not read again, ledger.ts `unchanged`).
import { watch, type FSWatcher } from "chokidar";
import { resolve } from "node:path";
import type { ScanAgent } from "./agent";
import { isCountedName } from "./pages";

export function watchFolders(agent: ScanAgent): { ready: Promise<void>; close(): Promise<void> } {
  const { config } = agent;
  const stateDir = resolve(config.stateDir);
  const watcher: FSWatcher = watch(config.watch, {
    persistent: true,
    ignoreInitial: false,
    usePolling: config.polling,
    interval: config.pollIntervalMs,
    binaryInterval: config.pollIntervalMs,
    awaitWriteFinish: { stabilityThreshold: config.stableMs, pollInterval: Math.min(500, config.stableMs) },
    // Only files the agent counts; the state folder, if someone put it under a watched root, never.
    ignored: (path, stats) => resolve(path).startsWith(stateDir) || (stats?.isFile() === true && !isCountedName(path)),
  });
  const report = (path: string) => agent.consider(path);
  watcher.on("add", report).on("change", report);
  watcher.on("error", (err) => agent.reportWatchError(err as Error));
  const ready = new Promise<void>((done) => watcher.once("ready", () => done()));
  return { ready, close: () => watcher.close() };
}
