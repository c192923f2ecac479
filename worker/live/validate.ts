// Checks a batch of counter events against the project's plan, all or nothing: a batch with any bad
// event is refused whole. A repeated id is not an error here: whether it is a retry or a conflict
// depends on what was sent under it, decided by worker/live/dedup.ts. Pure; called by the Durable Object (worker/live/room.ts) before anything is written.
import { MAX_FUTURE_SKEW_MS, type CounterEventInput } from "../../schema/api";
import { kindDecimals, toBaseUnits } from "../../schema/kinds";
import { dayInZone } from "../../schema/time";
import { oldestKeptDay, tooOldMessage } from "./retention";

export interface CounterEvent {
  id: string;
  fonds: string;
  kind: string;
  /** In the kind's smallest unit (schema/kinds.ts). */
  delta: number;
  at: number;
  day: string;
  /** No `at` was posted: the day is the server's clock, not a claim of the station (worker/live/dedup.ts). */
  dayFromServer?: boolean;
}

export interface EventError {
  /** "events.3.delta", as zod paths read (worker/lib/errors.ts). */
  path: string;
  index: number;
  id?: string;
  field: string;
  message: string;
}

export interface BatchContext {
  fondsCodes: ReadonlySet<string>;
  /** Kinds the project has a plan for (schema/kinds.ts enabledKinds). */
  kinds: ReadonlySet<string>;
  periodStart: string;
  timeZone: string;
  now: number;
}

export type BatchCheck = { ok: true; events: CounterEvent[] } | { ok: false; errors: EventError[] };

/** Also the correction route's message (worker/live/room.ts `correct`), so both name the kind alike. */
export function unplannedKind(kind: string): string {
  return `dự án chưa có kế hoạch cho loại công việc '${kind}' (the project has no plan for kind '${kind}')`;
}

export function checkBatch(input: readonly CounterEventInput[], ctx: BatchContext): BatchCheck {
  const errors: EventError[] = [];
  const events: CounterEvent[] = [];
  // Intl formatting was the dearest step per event in a profile, and a batch's events mostly share
  // one time (every event without `at` has the server's).
  const days = new Map<number, string>();
  // Older days are refused because their ids may already be pruned (worker/live/retention.ts).
  const oldestDay = oldestKeptDay(ctx.now, ctx.timeZone);
  const dayOf = (ms: number): string => {
    let day = days.get(ms);
    if (day === undefined) days.set(ms, (day = dayInZone(ms, ctx.timeZone)));
    return day;
  };
  input.forEach((e, index) => {
    const fail = (field: string, message: string) => errors.push({ path: `events.${index}.${field}`, index, id: e.id, field, message });
    if (!ctx.fondsCodes.has(e.fonds)) fail("fonds", `không có phông '${e.fonds}' trong dự án (unknown fonds)`);
    const decimals = kindDecimals(e.kind);
    const delta = decimals === undefined ? undefined : toBaseUnits(e.delta, decimals);
    if (decimals === undefined) fail("kind", `loại công việc không hợp lệ (unknown kind '${e.kind}')`);
    else if (!ctx.kinds.has(e.kind)) fail("kind", unplannedKind(e.kind));
    else if (delta === undefined || delta <= 0)
      fail("delta", decimals === 0 ? "phải là số nguyên dương (must be a positive integer)" : `tối đa ${decimals} chữ số thập phân (at most ${decimals} decimals)`);
    const at = e.at === undefined ? ctx.now : Date.parse(e.at);
    if (Number.isNaN(at)) fail("at", "thời điểm không hợp lệ (invalid time)");
    else if (at > ctx.now + MAX_FUTURE_SKEW_MS) fail("at", "thời điểm ở tương lai (more than 5 minutes in the future)");
    const day = Number.isNaN(at) ? "" : dayOf(at);
    if (day && day < ctx.periodStart) fail("at", `trước ngày bắt đầu dự án ${ctx.periodStart} (before the project period)`);
    else if (day && day < oldestDay) fail("at", tooOldMessage(oldestDay));
    if (delta !== undefined && delta > 0) events.push({ id: e.id, fonds: e.fonds, kind: e.kind, delta, at, day, dayFromServer: e.at === undefined });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events };
}

/** Corrections count under this pseudo-station, so per-station figures stay what stations posted. */
export const CORRECTION_STATION = "correction";

/** What the project's Durable Object answers a station's post (worker/routes/counters.ts maps it to HTTP). */
export type IngestResult =
  | { status: "ok"; accepted: number; duplicates: number; seq: number }
  | { status: "invalid"; errors: EventError[] }
  /** An id already accepted (or repeated in the batch) with other content; nothing was applied. */
  | { status: "conflict"; errors: EventError[] }
  | { status: "not_found" }
  /** The project is archived: read-only, nothing is counted (worker/routes/counters.ts answers 409). */
  | { status: "archived" }
  /** The token the post was made with is no longer this station's (revoked or rotated). */
  | { status: "unauthorized" }
  | { status: "rate_limited"; retryAfter: number };
