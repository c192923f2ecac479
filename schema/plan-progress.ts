// The one computation of "where are we against the plan" for one fonds × kind or any sum of them (a kind
// over the project, a fonds over its kinds). The dashboard (web/src/live/figures.ts), the alert rules
// (worker/alerts/evaluate.ts) and the reports (schema/reports/table.ts) all call it, so a page, an alert
// and a report never disagree on plan-to-date, status, forecast or catch-up rate. Pure.
import type { WorkCalendar } from "./calendar";
import { planAt, progressFigures, type PeriodTarget } from "./progress";
import { itemStatus, TOLERANCE, worstStatus, type Status } from "./status";

/** One fonds × kind. */
export interface PlanItem {
  target: number;
  actual: number;
  /** The detailed weekly/monthly plan; absent or empty: linear over the project's period. */
  periods?: readonly PeriodTarget[];
}

export interface PlanWindow {
  periodStart: string;
  periodEnd: string;
  /** "yyyy-mm-dd" on the project's clock; the plan counts the end of this day. */
  today: string;
  cal: WorkCalendar;
}

export interface PlanProgressInput extends PlanWindow {
  /** Items without a target (target ≤ 0) are left out: no plan, no status. */
  items: readonly PlanItem[];
  /** The items' summed output per day (for the current rate and forecast); [] when not known. */
  daily?: readonly { day: string; amount: number }[];
  tolerance?: number;
}

export interface PlanProgress {
  target: number;
  actual: number;
  /** Σ of each item's plan at the end of today. */
  planToDate: number;
  /** actual / target (NaN without a target): what the bar and the percentage show. */
  done: number;
  /** planToDate / target: the plan-to-date marker. */
  expected: number;
  /** The items' status combined (schema/status.ts); null when no item has a target. */
  status: Status | null;
  /** Items behind, of `planned` items with a target. */
  behindItems: number;
  planned: number;
  /** Output per working day over the last two working weeks (0 without `daily`). */
  currentRate: number;
  workingDaysLeft: number;
  /** What is left per working day from tomorrow to finish on time; null when nothing is left or no day is. */
  catchUpRate: number | null;
  /** The working day the target is reached at the current rate; null when done (nothing to forecast) or stalled. */
  forecastDay: string | null;
  forecastLate: boolean;
}

export function planProgress(input: PlanProgressInput): PlanProgress {
  const tolerance = input.tolerance ?? TOLERANCE;
  const statuses: Status[] = [];
  let target = 0;
  let actual = 0;
  let planToDate = 0;
  for (const item of input.items) {
    if (!(item.target > 0)) continue;
    const ptd = planAt(item.target, item.periods, input.today, input);
    statuses.push(itemStatus(item.actual, item.target, ptd, tolerance));
    target += item.target;
    actual += item.actual;
    planToDate += ptd;
  }
  const status = worstStatus(statuses);
  // Rate, days left and forecast run on the sum; the plan curve above is per item (periods differ).
  const fig = progressFigures({ ...input, target, actual, daily: input.daily ?? [], targets: undefined, tolerance });
  const finished = status === "done" || fig.remaining === 0;
  return {
    target,
    actual,
    planToDate,
    done: target > 0 ? actual / target : Number.NaN,
    expected: target > 0 ? planToDate / target : Number.NaN,
    status,
    behindItems: statuses.filter((s) => s === "behind").length,
    planned: statuses.length,
    currentRate: fig.currentRate,
    workingDaysLeft: fig.workingDaysLeft,
    catchUpRate: finished ? null : fig.catchUpRate,
    forecastDay: finished ? null : fig.forecastDay,
    forecastLate: finished ? false : fig.forecastLate,
  };
}

/** One item's status on `window.today`: the alert and the report ask this of a single fonds × kind. */
export function itemProgress(item: PlanItem, window: PlanWindow, daily: readonly { day: string; amount: number }[] = [], tolerance = TOLERANCE): PlanProgress {
  return planProgress({ ...window, items: [item], daily, tolerance });
}
