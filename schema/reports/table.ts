// The body of a progress report (seed 000/001): per fonds and kind, plan and actual for the period,
// cumulative actual against plan, the three ratings, and next period's target; then a totals row.
// Pure; the worker fills the inputs from D1's maintained aggregates (worker/reports/generate.ts).
import { addDays, workingDaysBetween, type WorkCalendar } from "../calendar";
import { planProgress } from "../plan-progress";
import { planAt as planCurveAt, type PeriodTarget } from "../progress";
import { rate, type Ratings } from "./status";

export interface ReportFonds {
  code: string;
  name: string;
  /** What must be delivered per kind (funded when set, else approved). */
  target: Record<string, number>;
  periodTargets?: Record<string, readonly PeriodTarget[]>;
}

export interface ReportInput {
  from: string;
  to: string;
  periodStart: string;
  periodEnd: string;
  cal: WorkCalendar;
  tolerance: number;
  kinds: readonly string[];
  fonds: readonly ReportFonds[];
  /** Per "fonds/kind": actual up to and including `to`, and within [from, to]. */
  cumulative: ReadonlyMap<string, number>;
  periodActual: ReadonlyMap<string, number>;
}

export interface ReportCell {
  target: number;
  periodPlan: number;
  periodActual: number;
  cumulative: number;
  planToDate: number;
  ratings: Ratings;
  /** Next period (as long as this one): what keeps the item on course to finish by the project's end. */
  nextTarget: number;
}

export interface ReportRow {
  code: string;
  name: string;
  cells: Record<string, ReportCell>;
}

export interface ReportTable {
  kinds: string[];
  rows: ReportRow[];
  totals: Record<string, ReportCell>;
  /** The rating tolerance the table was made with (absent in reports stored before it was kept). */
  tolerance?: number;
}

/** The plan at the end of `day` on the curve the dashboard and the alerts use (schema/plan-progress.ts). */
function planAt(f: ReportFonds, kind: string, day: string, input: ReportInput): number {
  const target = f.target[kind] ?? 0;
  const periods = f.periodTargets?.[kind];
  // A fonds with no target in a kind has no plan: the dashboard shows nothing there either.
  if (!(target > 0)) return planCurveAt(target, periods, day, input);
  return planProgress({ ...input, today: day, items: [{ target, actual: 0, periods }] }).planToDate;
}

function nextTarget(remaining: number, input: ReportInput): number {
  if (remaining <= 0) return 0;
  const start = addDays(input.to, 1);
  const daysLeft = workingDaysBetween(start, input.periodEnd, input.cal);
  if (daysLeft <= 0) return remaining;
  const length = Math.round((Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / 86_400_000);
  const nextDays = workingDaysBetween(start, addDays(start, length), input.cal);
  return Math.min(remaining, Math.ceil((remaining * nextDays) / daysLeft));
}

function cell(target: number, periodPlan: number, periodActual: number, cumulative: number, planToDate: number, input: ReportInput): ReportCell {
  return {
    target,
    periodPlan,
    periodActual,
    cumulative,
    planToDate,
    ratings: rate({ target, cumulative, periodPlan, periodActual, planToDate, tolerance: input.tolerance }),
    nextTarget: nextTarget(target - cumulative, input),
  };
}

export function buildReportTable(input: ReportInput): ReportTable {
  const before = addDays(input.from, -1);
  const rows = input.fonds.map((f) => ({
    code: f.code,
    name: f.name,
    cells: Object.fromEntries(
      input.kinds.map((kind) => {
        const k = `${f.code}/${kind}`;
        const planToDate = planAt(f, kind, input.to, input);
        const periodPlan = planToDate - planAt(f, kind, before, input);
        return [kind, cell(f.target[kind] ?? 0, periodPlan, input.periodActual.get(k) ?? 0, input.cumulative.get(k) ?? 0, planToDate, input)];
      }),
    ),
  }));
  return { kinds: [...input.kinds], rows, totals: totalsOf(rows, input.kinds, input.tolerance), tolerance: input.tolerance };
}

/**
 * The totals row: each figure is the sum of the rows above it (what a reader checks with a
 * calculator), rated like any item, except that it is done only when every row is, and on schedule
 * only when every row is too: the dashboard's badge for a kind is behind when any fonds is
 * (schema/status.ts), and so is the report's totals row, so a signed report never says "đảm bảo tiến
 * độ" above rows that say otherwise. Also used when a report is served without some rows (restricted
 * fonds), so the totals never include what the reader cannot see.
 */
export function totalsOf(rows: readonly ReportRow[], kinds: readonly string[], tolerance: number): Record<string, ReportCell> {
  const sum = (kind: string, field: "target" | "periodPlan" | "periodActual" | "cumulative" | "planToDate" | "nextTarget") =>
    rows.reduce((s, r) => s + (r.cells[kind]?.[field] ?? 0), 0);
  return Object.fromEntries(
    kinds.map((kind) => {
      const c = { target: sum(kind, "target"), periodPlan: sum(kind, "periodPlan"), periodActual: sum(kind, "periodActual"), cumulative: sum(kind, "cumulative"), planToDate: sum(kind, "planToDate") };
      const sums = rate({ ...c, tolerance });
      const every = (r: keyof Ratings) => rows.every((row) => row.cells[kind]?.ratings[r] ?? true);
      // Done only when every row is (volume delivered above plan in one fonds does not finish another);
      // then đạt and on schedule follow, as for any completed item.
      const completed = sums.completed && every("completed");
      const ratings: Ratings = { completed, achieved: completed || sums.achieved, onSchedule: completed || (sums.onSchedule && every("onSchedule")) };
      return [kind, { ...c, ratings, nextTarget: sum(kind, "nextTarget") }];
    }),
  );
}
