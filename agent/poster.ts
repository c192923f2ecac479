// Sends the journal's queued events to POST /counters in batches of up to 500, oldest first, and records
// each answer in the journal: taken (200, duplicates included), refused for good (400/409: kept in
// refused.jsonl and shown by `status`, never dropped silently), or retried later (network, 5xx with
// backoff and jitter; 429 after its Retry-After). Answer rules: answer.ts.
import { open } from "node:fs/promises";
import { backoffMs, BACKOFF_MAX_MS, readAnswer, refusedIndexes, type Answer } from "./answer";
import type { Journal } from "./journal";
import type { CounterEvent, Refusal } from "./ledger";
import type { Logger } from "./log";
import { USER_AGENT } from "./version";

export const MAX_BATCH = 500;

export interface PosterOptions {
  server: string;
  project: string;
  token: string;
  journal: Journal;
  refusedFile: string;
  log: Logger;
  fetch?: typeof fetch;
  batchSize?: number;
  /** After new work arrives, wait this long for more before posting a partial batch. */
  batchDelayMs?: number;
  timeoutMs?: number;
  random?: () => number;
}

export interface PosterStatus {
  lastPostAt: string | null;
  lastAccepted: number;
  lastDuplicates: number;
  lastError: { at: string; message: string } | null;
  nextTryAt: string | null;
  unauthorized: string | null;
}

export class Poster {
  readonly status: PosterStatus = { lastPostAt: null, lastAccepted: 0, lastDuplicates: 0, lastError: null, nextTryAt: null, unauthorized: null };
  private stopped = false;
  private failures = 0;
  private waking: { done: () => void; wakeable: boolean } | null = null;
  private loop: Promise<void> | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: PosterOptions) {}

  start(): void {
    this.stopped = false;
    this.loop ??= this.run().finally(() => (this.loop = null));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  /** New events are in the journal. */
  wake(): void {
    const w = this.waking;
    if (!w || (!w.wakeable && !this.stopped)) return;
    this.waking = null;
    w.done();
  }

  /** Resolves once nothing is queued (refused events are not queued). */
  idle(): Promise<void> {
    if (this.opts.journal.ledger.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    const { journal, batchDelayMs = 1000 } = this.opts;
    const size = this.opts.batchSize ?? MAX_BATCH;
    while (!this.stopped) {
      if (journal.ledger.pending.size === 0) {
        for (const w of this.idleWaiters.splice(0)) w();
        await this.sleep(null);
        continue;
      }
      if (journal.ledger.pending.size < size) await this.sleep(batchDelayMs, false);
      if (this.stopped) return;
      const batch = [...journal.ledger.pending.values()].slice(0, size);
      if (batch.length === 0) continue;
      const wait = await this.post(batch);
      if (wait > 0) {
        this.status.nextTryAt = new Date(Date.now() + wait).toISOString();
        await this.sleep(wait, false);
        this.status.nextTryAt = null;
      }
    }
  }

  /** One batch; returns how long to wait before the next (0: go on). */
  private async post(batch: CounterEvent[]): Promise<number> {
    const { log, journal } = this.opts;
    const answer = await this.send(batch);
    const now = new Date().toISOString();
    switch (answer.type) {
      case "ok":
        await journal.append([{ sent: batch.map((e) => e.id) }]);
        Object.assign(this.status, { lastPostAt: now, lastAccepted: answer.accepted, lastDuplicates: answer.duplicates, unauthorized: null });
        this.failures = 0;
        log.info(`posted ${batch.length} events (${sum(batch)} pages): ${answer.accepted} accepted, ${answer.duplicates} already counted`);
        return 0;
      case "refused": {
        const refusals: Refusal[] = refusedIndexes(batch.length, answer.byIndex).map((i) => ({
          event: batch[i]!,
          status: answer.status,
          message: answer.byIndex.get(i) ?? answer.message,
          at: now,
        }));
        // The human-readable copy first: if the power goes between the two, the event is posted and refused again.
        await appendDurably(this.opts.refusedFile, refusals.map((r) => JSON.stringify(r) + "\n").join(""));
        await journal.append([{ refused: refusals }]);
        this.status.lastError = { at: now, message: `${answer.status}: ${answer.message}` };
        for (const r of refusals) log.error(`refused by the server (${r.status}), kept in refused.jsonl: ${r.event.id} fonds ${r.event.fonds} +${r.event.delta} pages: ${r.message}`);
        return 0;
      }
      case "unauthorized":
        this.status.unauthorized = `${answer.status}: ${answer.message}`;
        this.status.lastError = { at: now, message: this.status.unauthorized };
        log.error(`the server refused the token or project (${this.status.unauthorized}); check the config. Trying again in 5 minutes`);
        return BACKOFF_MAX_MS;
      case "retry_after":
        log.warn(`server asks to slow down: next post in ${answer.seconds} s`);
        return answer.seconds * 1000 + Math.round((this.opts.random ?? Math.random)() * 250);
      case "unavailable": {
        const wait = backoffMs(this.failures++, this.opts.random);
        this.status.lastError = { at: now, message: answer.message };
        log.warn(`post failed (${answer.message}); ${journal.ledger.pending.size} events queued, next try in ${Math.round(wait / 1000)} s`);
        return wait;
      }
    }
  }

  private async send(events: CounterEvent[]): Promise<Answer> {
    const { server, project, token, timeoutMs = 30_000 } = this.opts;
    const doFetch = this.opts.fetch ?? fetch;
    try {
      const res = await doFetch(`${server.replace(/\/+$/, "")}/api/v1/projects/${encodeURIComponent(project)}/counters`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "user-agent": USER_AGENT },
        body: JSON.stringify({ events }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // a proxy's HTML error page: the status says enough
      }
      return readAnswer(res.status, body, res.headers.get("retry-after"));
    } catch (err) {
      return { type: "unavailable", message: (err as Error).message };
    }
  }

  /** Waits `ms` (or, with null, for new work); `wakeable` false ignores new work (a backoff holds). */
  private sleep(ms: number | null, wakeable = true): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? null : setTimeout(done, ms);
      function done() {
        if (timer) clearTimeout(timer);
        resolve();
      }
      this.waking = { done, wakeable };
    });
  }
}

function sum(events: readonly CounterEvent[]): number {
  return events.reduce((n, e) => n + e.delta, 0);
}

async function appendDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, "a");
  try {
    await handle.appendFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
