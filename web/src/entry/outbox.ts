// The scan station's outbox: counts entered at the end of a batch are kept in the browser
// until the server has them, and sent with the ids they were given when entered, so a retry after a lost
// answer is counted once (POST /counters dedups by event id, worker/live/store.ts). Plain TypeScript with
// the storage (outbox-storage.ts: IndexedDB), the network and the clock passed in, so the rules are
// unit-tested (test/unit/outbox.test.ts).

/** schema/api.ts MAX_EVENTS_PER_BATCH, not imported: that module brings zod into the page. */
export const BATCH_SIZE = 500;
export const RETRY_START_MS = 1_000;
export const RETRY_MAX_MS = 60_000;

export interface Entry {
  /** Made when the operator submits; the same id on every attempt. */
  id: string;
  fonds: string;
  kind: string;
  /** In the kind's smallest unit (schema/kinds.ts). */
  amount: number;
  decimals: number;
  /** When the work was entered, ISO 8601 with the project's offset: counted on that day, however late it is sent. */
  at: string;
  day: string;
}

export interface QueuedEntry extends Entry {
  /** The server refused this entry: why, in its words. It is kept, not resent, until the operator discards it. */
  rejected?: string;
  /** Refused because the server holds other counts under this id (409): resending can never succeed, and
   * entering it again under a new id may count the same work twice, so the operator is told to check first. */
  conflict?: true;
}

export type SendResult =
  | { type: "ok"; accepted: number; duplicates: number }
  /** A 4xx other than 401/403/429: the entries are wrong; `byIndex` names the bad ones when the server did. */
  | { type: "invalid"; message: string; byIndex: ReadonlyMap<number, string> }
  /** 409: ids the server already holds with other counts; named and kept like "invalid". */
  | { type: "conflict"; message: string; byIndex: ReadonlyMap<number, string> }
  /** 401/403: the token, not the entries. */
  | { type: "unauthorized" }
  | { type: "retry_after"; seconds: number }
  /** Network down or a 5xx: try again later. */
  | { type: "unavailable" };

export interface OutboxStatus {
  sending: boolean;
  /** Epoch ms of the next attempt after a failure or a 429, or null. */
  retryAt: number | null;
  lastSentAt: number | null;
  tokenRejected: boolean;
}

export interface OutboxOptions {
  /** What an earlier visit left; asynchronous, as IndexedDB is. */
  load(): Promise<QueuedEntry[]>;
  save(entries: readonly QueuedEntry[]): void;
  send(entries: readonly Entry[]): Promise<SendResult>;
  onChange(entries: readonly QueuedEntry[], status: OutboxStatus): void;
  /** After a batch is taken: the station's totals for today changed. */
  onSent?(): void;
  random?(): number;
}

/** Two lists of queued entries as one, each id once (the first list's copy wins), in order. */
export function mergeQueued(first: readonly QueuedEntry[], second: readonly QueuedEntry[]): QueuedEntry[] {
  const ids = new Set(first.map((e) => e.id));
  return [...first, ...second.filter((e) => !ids.has(e.id))];
}

export class Outbox {
  private entries: QueuedEntry[] = [];
  /** Until the stored entries are read, nothing is saved (it would overwrite them) and nothing is sent. */
  private loaded: Promise<void> | null = null;
  private isLoaded = false;
  /** False when the stored entries could not be read: they are never overwritten by this page's list. */
  private persist = true;
  private status: OutboxStatus = { sending: false, retryAt: null, lastSentAt: null, tokenRejected: false };
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Set while honouring a 429's Retry-After: nothing may go out before it, not even a new entry. */
  private holdUntil = 0;
  private stopped = false;

  constructor(private readonly opts: OutboxOptions) {}

  get pending(): readonly QueuedEntry[] {
    return this.entries;
  }

  /** Reads what was stored (once), then sends; entries added meanwhile are kept after the stored ones. */
  start(): Promise<void> {
    this.stopped = false;
    this.loaded ??= this.opts.load().then(
      (stored) => {
        this.entries = mergeQueued(stored, this.entries);
        this.isLoaded = true;
      },
      () => {
        this.isLoaded = true;
        this.persist = false;
      },
    );
    return this.loaded.then(() => {
      this.changed();
      void this.flush();
    });
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  add(entries: readonly Entry[]): void {
    this.entries = [...this.entries, ...entries];
    this.changed();
    this.retryNow();
  }

  discard(id: string): void {
    this.entries = this.entries.filter((e) => e.id !== id);
    this.changed();
  }

  /** The network is back, or a new token was given: try at once (a 429's wait still holds). */
  retryNow(): void {
    this.status = { ...this.status, tokenRejected: false };
    this.failures = 0;
    if (Date.now() < this.holdUntil) return;
    this.clearTimer();
    void this.flush();
  }

  /**
   * A periodic nudge (the page's timer): sends what waits unless a retry is already due, a 429 holds or the
   * token was refused. The `online` event is not enough: browsers do not fire it when a flaky network
   * comes back without the link going down, and there is no Background Sync in Safari or Firefox.
   */
  drain(): void {
    if (this.timer !== null || Date.now() < this.holdUntil || this.status.tokenRejected) return;
    void this.flush();
  }

  private async flush(): Promise<void> {
    while (this.isLoaded && !this.stopped && !this.status.sending && !this.status.tokenRejected) {
      const batch = this.entries.filter((e) => e.rejected === undefined).slice(0, BATCH_SIZE);
      if (batch.length === 0) return;
      this.status = { ...this.status, sending: true, retryAt: null };
      this.changed();
      let result: SendResult;
      try {
        result = await this.opts.send(batch.map(({ rejected: _, conflict: __, ...e }) => e));
      } catch {
        result = { type: "unavailable" };
      }
      this.status = { ...this.status, sending: false };
      if (!this.take(batch, result)) {
        this.changed();
        return;
      }
    }
  }

  /** Applies one answer; true when the next batch may go at once. */
  private take(batch: readonly QueuedEntry[], result: SendResult): boolean {
    const ids = new Set(batch.map((e) => e.id));
    switch (result.type) {
      case "ok":
        // Accepted or already counted (a duplicate id): either way the server has it.
        this.entries = this.entries.filter((e) => !ids.has(e.id));
        this.failures = 0;
        this.status = { ...this.status, lastSentAt: Date.now() };
        this.changed();
        this.opts.onSent?.();
        return true;
      case "invalid":
      case "conflict": {
        // The server refuses a batch whole; only the named entries are wrong, the rest go again.
        // Names that match no entry would send the same batch forever: then the whole batch is wrong.
        const named = [...result.byIndex.keys()].some((i) => i >= 0 && i < batch.length);
        const reasons = new Map(batch.map((e, i) => [e.id, named ? result.byIndex.get(i) : result.message]));
        const mark = result.type === "conflict" ? { conflict: true as const } : {};
        this.entries = this.entries.map((e) => (ids.has(e.id) && reasons.get(e.id) !== undefined ? { ...e, ...mark, rejected: reasons.get(e.id)! } : e));
        this.changed();
        return true;
      }
      case "unauthorized":
        this.status = { ...this.status, tokenRejected: true };
        return false;
      case "retry_after":
        this.holdUntil = Date.now() + Math.max(1, result.seconds) * 1000;
        this.retryIn(this.holdUntil - Date.now());
        return false;
      case "unavailable": {
        const step = Math.min(RETRY_MAX_MS, RETRY_START_MS * 2 ** this.failures++);
        this.retryIn(Math.round(step / 2 + ((this.opts.random ?? Math.random)() * step) / 2));
        return false;
      }
    }
  }

  private retryIn(ms: number): void {
    this.clearTimer();
    this.status = { ...this.status, retryAt: Date.now() + ms };
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private changed(): void {
    if (this.isLoaded && this.persist) this.opts.save(this.entries);
    this.opts.onChange(this.entries, this.status);
  }
}
