// The agent on a scan PC: each file the watcher (watcher.ts) or a scan reports is read (examine.ts), mapped
// to its fonds (fonds.ts), decided on (ledger.ts `decide`), journaled (journal.ts) and posted (poster.ts).
// Problems (a file that is incomplete, corrupt, encrypted or outside the folder convention) are kept in
// status.json and the log, and the file is read again when it changes.
import { readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { AgentConfig } from "./config";
import type { Problem } from "./counted";
import { examine, statFile } from "./examine";
import { fondsOf, parseConvention, type Convention } from "./fonds";
import { Journal, writeFileDurably } from "./journal";
import { decide, unchanged } from "./ledger";
import type { Logger } from "./log";
import { isCountedName } from "./pages";
import { Poster, type PosterStatus } from "./poster";
import { statePaths } from "./state";
import { USER_AGENT } from "./version";

/** Files read at once: hashing is CPU, reading is disk; two keep both busy without starving the scan software. */
const CONCURRENCY = 2;
/** A file time this far ahead of the PC's clock is not sent as `at` (the server refuses times in the future). */
const FUTURE_SLACK_MS = 60_000;

export interface FileProblem {
  path: string;
  problem: Problem | "no_fonds";
  detail: string;
  at: string;
}

export interface AgentStatusFile {
  agent: string;
  pid: number;
  startedAt: string;
  updatedAt: string;
  poster: PosterStatus;
  problems: FileProblem[];
  session: { filesRead: number; filesCounted: number; pagesQueued: number };
}

export interface AgentOptions {
  log: Logger;
  fetch?: typeof fetch;
  random?: () => number;
  batchDelayMs?: number;
  batchSize?: number;
  now?: () => number;
}

export class ScanAgent {
  readonly problems = new Map<string, FileProblem>();
  readonly session = { filesRead: 0, filesCounted: 0, pagesQueued: 0 };
  private readonly convention: Convention;
  private readonly roots: string[];
  private readonly startedAt = new Date().toISOString();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private statusTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    readonly config: AgentConfig,
    readonly journal: Journal,
    readonly poster: Poster,
    private readonly opts: AgentOptions,
  ) {
    this.convention = parseConvention(config.convention);
    this.roots = config.watch.map((w) => resolve(w));
  }

  static async open(config: AgentConfig, opts: AgentOptions): Promise<ScanAgent> {
    const paths = statePaths(config.stateDir);
    const journal = await Journal.open(paths.journal);
    if (journal.damaged > 0) opts.log.warn(`journal: ${journal.damaged} damaged line(s) dropped (a write cut short by a power loss); those files are read again`);
    const poster = new Poster({ ...config, journal, refusedFile: paths.refused, log: opts.log, fetch: opts.fetch, random: opts.random, batchDelayMs: opts.batchDelayMs, batchSize: opts.batchSize });
    poster.start();
    return new ScanAgent(config, journal, poster, opts);
  }

  /** A file was added or changed: read it when a slot is free (once, however often it is reported). */
  consider(path: string): void {
    const abs = resolve(path);
    if (this.queued.has(abs) || !isCountedName(abs)) return;
    this.queued.add(abs);
    this.queue.push(abs);
    this.pump();
  }

  /** Walks every watched folder once (the `scan` command, tests); the watcher does this itself at start. */
  async scanAll(): Promise<void> {
    for (const root of this.roots) for await (const file of walk(root, this.config.stateDir)) this.consider(file);
    await this.settled();
  }

  /** Every file reported so far has been read and decided on. */
  settled(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    await this.settled();
    await this.poster.stop();
    await this.journal.close();
    this.writeStatus();
  }

  private pump(): void {
    while (this.running < CONCURRENCY && this.queue.length > 0) {
      const path = this.queue.shift()!;
      this.queued.delete(path);
      this.running++;
      void this.read(path)
        .catch((err: unknown) => this.problem(path, "corrupt", `could not be read: ${(err as Error).message}`))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.queue.length === 0) for (const w of this.idleWaiters.splice(0)) w();
          this.statusSoon();
        });
    }
  }

  private async read(path: string): Promise<void> {
    const { log } = this.opts;
    const root = this.roots.find((r) => !relative(r, path).startsWith(".."));
    const fonds = root === undefined ? null : fondsOf(this.convention, relative(root, path));
    if (fonds === null) return this.problem(path, "no_fonds", `not under a folder that names a fonds (convention "${this.convention.pattern}")`);
    const s = await statFile(path);
    if (unchanged(this.journal.ledger, path, s.size, s.mtimeMs)) return this.clear(path);
    const file = await examine(path);
    this.session.filesRead++;
    if (!file.count.ok) return this.problem(path, file.count.problem, file.count.detail);
    const now = (this.opts.now ?? Date.now)();
    const at = file.mtimeMs <= now + FUTURE_SLACK_MS ? new Date(file.mtimeMs).toISOString() : undefined;
    const d = decide(this.journal.ledger, { path, size: file.size, mtimeMs: file.mtimeMs, hash: file.hash }, fonds, file.count.pages, at);
    const written = this.journal.append([d.record]);
    this.clear(path);
    if (d.type === "known") {
      if (d.countedAs.fonds !== fonds) log.warn(`${path}: the same content was counted under fonds ${d.countedAs.fonds}; not counted again for fonds ${fonds}`);
    } else if (d.type === "not_more") {
      log.warn(`${path}: replaced with ${file.count.pages} pages, no more than the ${d.replaced.credited} already counted for it; nothing posted`);
    } else {
      this.session.filesCounted++;
      this.session.pagesQueued += d.event.delta;
      log.info(`${path}: ${file.count.pages} pages (${file.count.format}), fonds ${fonds}${d.replaced ? `, replaces a version with ${d.replaced.credited}: +${d.event.delta}` : ""}`);
    }
    await written;
    if (d.type === "post") this.poster.wake();
  }

  reportWatchError(err: Error): void {
    this.opts.log.error(`watcher: ${err.message}`);
  }

  private problem(path: string, problem: FileProblem["problem"], detail: string): void {
    const known = this.problems.get(path);
    this.problems.set(path, { path, problem, detail, at: new Date().toISOString() });
    if (known?.detail !== detail) (problem === "incomplete" ? this.opts.log.warn : this.opts.log.error)(`${path}: ${problem}: ${detail}; not counted`);
  }

  private clear(path: string): void {
    this.problems.delete(path);
  }

  private statusSoon(): void {
    this.statusTimer ??= setTimeout(() => {
      this.statusTimer = null;
      this.writeStatus();
    }, 2000);
  }

  writeStatus(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    const status: AgentStatusFile = {
      agent: USER_AGENT,
      pid: process.pid,
      startedAt: this.startedAt,
      updatedAt: new Date().toISOString(),
      poster: this.poster.status,
      problems: [...this.problems.values()],
      session: this.session,
    };
    try {
      writeFileDurably(statePaths(this.config.stateDir).status, JSON.stringify(status, null, 2));
    } catch (err) {
      this.opts.log.warn(`status.json not written: ${(err as Error).message}`);
    }
  }
}

async function* walk(folder: string, skip: string): AsyncGenerator<string> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const e of entries) {
    const path = join(folder, e.name);
    if (e.isDirectory() && resolve(path) !== resolve(skip)) yield* walk(path, skip);
    else if (e.isFile()) yield path;
  }
}
