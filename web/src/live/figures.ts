// Progress against plan, per kind of work for a project and per fonds: the figures leadership asks for
// ("are we on plan, which fonds are behind, when will we finish"). Pure functions of the live state and
// the working calendar (schema/progress.ts does the plan math), so the overview, the project page and
// the wall show the same numbers the alert rules use (worker/alerts/evaluate.ts).
import type { WorkCalendar } from "../../../schema/calendar";
import { linearPlanToDate, progressFigures } from "../../../schema/progress";
import { targetOf, type FondsPlan } from "../../../schema/wire";
import { fondsKindKey, splitKey, type LiveState } from "./apply";
import { plannedKinds } from "./selectors";

/** progressFigures' default tolerance: a little below the plan line is still on schedule. */
export const BEHIND_TOLERANCE = 0.05;

export type Status = "done" | "on_schedule" | "behind";

export { targetOf } from "../../../schema/wire";

export interface Period {
  periodStart: string;
  periodEnd: string;
  /** "yyyy-mm-dd" on the project's clock. */
  today: string;
  cal: WorkCalendar;
}

export interface KindProgress {
  kind: string;
  actual: number;
  target: number;
  /** The approved plan, shown beside the target when funding is below it. */
  approved: number;
  /** Where the plan says the work should be at the end of today. */
  planToDate: number;
  /** actual / target; NaN without a target. */
  done: number;
  /** planToDate / target: the plan-to-date marker on a bar. */
  expected: number;
  status: Status;
}

export interface KindFigures extends KindProgress {
  /** Output per working day over the last two working weeks. */
  currentRate: number;
  /** Output per working day needed from tomorrow to finish on time; null when nothing is left. */
  catchUpRate: number | null;
  /** The day the target is reached at the current rate; null while the work is stalled. */
  forecastDay: string | null;
  forecastLate: boolean;
}

export function statusOf(actual: number, target: number, planToDate: number): Status {
  if (actual >= target) return "done";
  return actual < planToDate * (1 - BEHIND_TOLERANCE) ? "behind" : "on_schedule";
}

function progress(kind: string, actual: number, target: number, approved: number, planToDate: number): KindProgress {
  return {
    kind,
    actual,
    target,
    approved,
    planToDate,
    done: target > 0 ? actual / target : Number.NaN,
    expected: target > 0 ? planToDate / target : Number.NaN,
    status: statusOf(actual, target, planToDate),
  };
}

/** One fonds × kind: the plan is linear over the project's working days (as the alert engine's default). */
export function fondsKindProgress(f: FondsPlan, kind: string, actual: number, p: Period): KindProgress {
  const target = targetOf(f, kind);
  return progress(kind, actual, target, f.approved[kind] ?? 0, linearPlanToDate(target, p.periodStart, p.periodEnd, p.today, p.cal));
}

/** kind → the project's output per day, from the kind × day totals. */
export function dailyByKind(days: ReadonlyMap<string, number>): Map<string, { day: string; amount: number }[]> {
  const out = new Map<string, { day: string; amount: number }[]>();
  for (const [key, amount] of days) {
    const [kind = "", day = ""] = splitKey(key);
    let list = out.get(kind);
    if (!list) out.set(kind, (list = []));
    list.push({ day, amount });
  }
  return out;
}

/** The kinds with a target, in the kinds' order (live/selectors.ts). */
export function targetKinds(fonds: readonly FondsPlan[]): string[] {
  const targets = new Map<string, number>();
  for (const f of fonds) for (const kind of new Set([...Object.keys(f.approved), ...Object.keys(f.funded)])) targets.set(kind, (targets.get(kind) ?? 0) + targetOf(f, kind));
  return plannedKinds(targets);
}

/** The project's headline per kind with a target. */
export function projectKinds(state: Pick<LiveState, "fonds" | "fondsTotals" | "days">, p: Period, daily = dailyByKind(state.days)): KindFigures[] {
  return targetKinds(state.fonds).map((kind) => {
    let actual = 0;
    let target = 0;
    let approved = 0;
    let planToDate = 0;
    for (const f of state.fonds) {
      const row = fondsKindProgress(f, kind, state.fondsTotals.get(fondsKindKey(f.code, kind)) ?? 0, p);
      actual += row.actual;
      target += row.target;
      approved += row.approved;
      // Summed per fonds, as the behind-schedule rule does, so page and alert agree to the unit.
      planToDate += row.planToDate;
    }
    // Output on fonds without a target (none in a consistent plan) does not count towards the kind.
    const fig = progressFigures({ target, actual, daily: daily.get(kind) ?? [], periodStart: p.periodStart, periodEnd: p.periodEnd, today: p.today, cal: p.cal });
    return {
      ...progress(kind, actual, target, approved, planToDate),
      currentRate: fig.currentRate,
      catchUpRate: fig.catchUpRate,
      forecastDay: fig.forecastDay,
      forecastLate: fig.forecastLate,
    };
  });
}

export interface FondsRow {
  fonds: FondsPlan;
  /** kind → progress, for the kinds this fonds has a target in. */
  kinds: Map<string, KindProgress>;
  status: Status;
  /** Σ min(actual, target) / Σ target over its kinds: one figure to sort by. */
  done: number;
  /** The worst (actual − planToDate) / target over its kinds: how far behind, to sort by. */
  lag: number;
}

/** Every fonds with its progress per kind; its status is its worst kind's. */
export function fondsRows(state: Pick<LiveState, "fonds" | "fondsTotals">, kinds: readonly string[], p: Period): FondsRow[] {
  return state.fonds.map((f) => {
    const byKind = new Map<string, KindProgress>();
    let doneSum = 0;
    let targetSum = 0;
    let lag = 0;
    for (const kind of kinds) {
      if (targetOf(f, kind) <= 0) continue;
      const row = fondsKindProgress(f, kind, state.fondsTotals.get(fondsKindKey(f.code, kind)) ?? 0, p);
      byKind.set(kind, row);
      doneSum += Math.min(row.actual, row.target);
      targetSum += row.target;
      if (row.status !== "done") lag = Math.min(lag, (row.actual - row.planToDate) / row.target);
    }
    const statuses = [...byKind.values()].map((r) => r.status);
    const status: Status = statuses.includes("behind") ? "behind" : statuses.every((s) => s === "done") && statuses.length > 0 ? "done" : "on_schedule";
    return { fonds: f, kinds: byKind, status, done: targetSum > 0 ? doneSum / targetSum : Number.NaN, lag };
  });
}

/** A project is behind when any of its kinds is; done when all are. */
export function overallStatus(kinds: readonly { status: Status }[]): Status | null {
  if (kinds.length === 0) return null;
  if (kinds.some((k) => k.status === "behind")) return "behind";
  return kinds.every((k) => k.status === "done") ? "done" : "on_schedule";
}

/** The kind a chart shows: the one chosen while it has a target, else pages scanned (the headline of
 * digitization), else the first. */
export function chartKind(kinds: readonly string[], chosen: string | null): string {
  if (chosen !== null && kinds.includes(chosen)) return chosen;
  return kinds.includes("pages") ? "pages" : (kinds[0] ?? "");
}

/** What a fonds needs per working day from tomorrow to finish on time (its own daily output is not in
 * the live state, so it has no current rate or forecast of its own). */
export function catchUpOf(row: KindProgress, p: Period): { catchUpRate: number | null; workingDaysLeft: number } {
  const fig = progressFigures({ target: row.target, actual: row.actual, daily: [], periodStart: p.periodStart, periodEnd: p.periodEnd, today: p.today, cal: p.cal });
  return { catchUpRate: fig.catchUpRate, workingDaysLeft: fig.workingDaysLeft };
}
