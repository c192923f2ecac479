// How long a project's Durable Object keeps accepted event ids (schema/api-base.ts EVENT_RETENTION_DAYS),
// as one contract with two halves that use the same day: validate.ts refuses an event whose day is
// before oldestKeptDay(now), and pruneExpired forgets only ids whose day is before it. Since the oldest
// kept day never moves back, an id is pruned only once a retry of it would be refused, so a retry is
// counted once whenever it comes. A retry sent without `at` is stamped on arrival, so it cannot be
// told from new work once the first post's id is pruned: the README says to send `at`.
// Called from the alarm (room.ts), after the D1 write-through.
import { EVENT_RETENTION_DAYS } from "../../schema/api-base";
import { addDays } from "../../schema/calendar";
import { dayInZone } from "../../schema/time";
import type { LiveStore } from "./store";

/** Ids forgotten per pass, in one transaction a post may wait behind: 1 000 took 30–90 ms locally with 0.1–10 M stored (5 000: ~75 ms at 0.1 M); one pass a second still clears 3.6 M an hour (BENCHMARKS.md "Growth"). */
export const PRUNE_BATCH = 1_000;

/** The first day whose events are accepted, and whose ids are kept, at `now`. */
export function oldestKeptDay(now: number, timeZone: string): string {
  return addDays(dayInZone(now, timeZone), -EVENT_RETENTION_DAYS);
}

/** The refusal of an event older than the window (validate.ts), Vietnamese then English. */
export function tooOldMessage(oldestDay: string): string {
  return `sự kiện cũ hơn ${EVENT_RETENTION_DAYS} ngày (trước ${oldestDay}) không còn được nhận; đề nghị giám sát nhập điều chỉnh (older than ${EVENT_RETENTION_DAYS} days, before ${oldestDay}: no longer accepted; ask a supervisor for a correction)`;
}

/**
 * Rows a pass may forget: those the D1 outbox (flushed_seq) and the live feed (broadcast_seq) are both
 * done with, since both read the events table (store.ts eventsBetween, changesSince).
 */
export function prunableUpTo(flushedSeq: number, broadcastSeq: number): number {
  return Math.min(flushedSeq, broadcastSeq);
}

/** Per fonds, the pruned row with the highest seq: what lastVisible (store.ts) must still answer after pruning. */
export function lastPerFonds<T extends { seq: number; fonds: string }>(rows: readonly T[]): T[] {
  const last = new Map<string, T>();
  for (const r of rows) if ((last.get(r.fonds)?.seq ?? -1) < r.seq) last.set(r.fonds, r);
  return [...last.values()];
}

export interface PruneOutcome {
  pruned: number;
  /** More is due: another pass soon (worker/live/wakeups.ts). */
  more: boolean;
}

/** One pass: forgets up to `limit` ids of days before the window. The totals (`cells`) are never touched. */
export function pruneExpired(store: LiveStore, now: number, timeZone: string, limit = PRUNE_BATCH): PruneOutcome {
  return store.pruneBefore(oldestKeptDay(now, timeZone), limit);
}
