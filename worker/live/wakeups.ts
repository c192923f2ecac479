// When a project's Durable Object must wake: one alarm serves the D1 write-through, the pruning of old
// event ids (retention.ts), the alert rules and the webhooks (the earliest wins; the alarm is at-least-once, and every step it runs is idempotent),
// and a short timer runs the rules soon after counters land, once for a whole burst.

/** D1 write-through runs this long after the first unflushed counter, so bursts share a batch. */
const FLUSH_DELAY_MS = 500;
const FLUSH_BACKOFF_MAX_MS = 60_000;
/** Rules run at most this often when counters land, and on the alarm at least this often (time passing alone makes a project fall behind). */
const RULES_AFTER_COUNTERS_MS = 1_000;
const RULES_TICK_MS = 60_000;
/** A backlog of old ids (an object older than the retention) goes one batch a second, leaving the object free for posts in between. */
const PRUNE_AGAIN_MS = 1_000;

export class Wakeups {
  private alarmAt: number | null = null;
  private flushFailures = 0;
  private rulesTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly storage: DurableObjectStorage) {}

  /** After a restart: what the previous instance had set, then whatever is still owed. */
  async resume(now: number, owes: { flush: boolean; rules: boolean }): Promise<void> {
    this.alarmAt = await this.storage.getAlarm();
    if (owes.flush) this.at(now);
    if (owes.rules) this.at(now + RULES_TICK_MS);
  }

  /** The alarm fired: a new one must be set for whatever is due next. */
  fired(): void {
    this.alarmAt = null;
  }

  /** Counters were accepted: flush them soon, and run the rules within a second. */
  afterCounters(now: number, hasRules: boolean, runRules: () => void): void {
    this.at(now + FLUSH_DELAY_MS);
    if (this.rulesTimer !== null || !hasRules) return;
    this.rulesTimer = setTimeout(() => {
      this.rulesTimer = null;
      runRules();
    }, RULES_AFTER_COUNTERS_MS);
  }

  /** A flush went through; more left in the outbox means another pass at once. */
  flushed(now: number, remaining: number): void {
    this.flushFailures = 0;
    if (remaining > 0) this.at(now);
  }

  /** A pruning pass left more old ids: another pass soon. Otherwise the next alarm for any reason prunes what has aged. */
  pruned(now: number, more: boolean): void {
    if (more) this.at(now + PRUNE_AGAIN_MS);
  }

  /** A flush failed: retried with backoff for as long as it takes (the outbox keeps everything). */
  flushFailed(now: number): { attempt: number; delay: number } {
    this.flushFailures++;
    const delay = Math.min(FLUSH_BACKOFF_MAX_MS, 1000 * 2 ** (this.flushFailures - 1));
    this.at(now + delay);
    return { attempt: this.flushFailures, delay };
  }

  /** The rules ran: the next tick while there are rules, and the next webhook retry if one is queued. */
  afterAlerts(now: number, hasRules: boolean, nextNotificationAt: number | null): void {
    if (hasRules) this.at(now + RULES_TICK_MS);
    if (nextNotificationAt !== null) this.at(Math.max(nextNotificationAt, Date.now()));
  }

  private at(when: number): void {
    if (this.alarmAt !== null && this.alarmAt <= when) return;
    this.alarmAt = when;
    void this.storage.setAlarm(when);
  }
}
