// Plans over time: the planned cumulative curve per fonds × work kind and the figures derived from
// it. Pure functions of data on the working-day calendar in ./calendar.ts; amounts are integers in the kind's
// smallest unit (./kinds.ts), so plan amounts are floored integers and rates are plain per-working-day numbers.
import { addDays, nthWorkingDayBefore, nthWorkingDayFrom, workingDaysBetween, type WorkCalendar } from "./calendar";
import { itemStatus, TOLERANCE } from "./status";

/** Planned cumulative amount at the END of `day`. */
/**
 * Linear over working days: 0 before periodStart, target at the end of the last working day ≤ periodEnd.
 * Integer amounts (floor), exact target at the end; flat across weekends and holidays (e.g. Tết).
 */
export function linearPlanToDate(
  target: number,
  periodStart: string,
  periodEnd: string,
  day: string,
  cal: WorkCalendar,
): number {
  if (day < periodStart) return 0;
  const total = workingDaysBetween(periodStart, periodEnd, cal);
  // A period with no working day at all (a Tết week in a weekly plan) still owes its amount: due at its end.
  if (total === 0) return day >= periodEnd ? target : 0;
  const done = workingDaysBetween(periodStart, day < periodEnd ? day : periodEnd, cal);
  return done >= total ? target : mulDivFloor(target, done, total);
}

/** One period of a detailed plan (kế hoạch chi tiết hàng tuần, hàng tháng; seed 000), dates inclusive. */
export interface PeriodTarget {
  from: string;
  to: string;
  amount: number;
}

/** Sum of each period's own linear curve, so the order of `targets` does not matter. */
export function planToDateFromTargets(targets: readonly PeriodTarget[], day: string, cal: WorkCalendar): number {
  let sum = 0;
  for (const t of targets) sum += linearPlanToDate(t.amount, t.from, t.to, day, cal);
  return sum;
}

/**
 * One item's plan at the end of `day`: its detailed period targets when it has any, else linear over the
 * project's period. The dashboard, the alert rules and the reports all read the plan through this.
 */
export function planAt(
  target: number,
  targets: readonly PeriodTarget[] | undefined,
  day: string,
  p: { periodStart: string; periodEnd: string; cal: WorkCalendar },
): number {
  if (targets && targets.length > 0) return planToDateFromTargets(targets, day, p.cal);
  return linearPlanToDate(target, p.periodStart, p.periodEnd, day, p.cal);
}

export interface ProgressInput {
  /** The amount to deliver; authoritative for remaining and done even when `targets` shape the curve. */
  target: number;
  /** Cumulative actual up to and including today (may include output before the days in `daily`). */
  actual: number;
  /** Actual amounts per day (any order, may include non-working days e.g. Saturday work). */
  daily: readonly { day: string; amount: number }[];
  periodStart: string;
  periodEnd: string;
  today: string;
  cal: WorkCalendar;
  /** Detailed plan; absent or empty: linear over the period. */
  targets?: readonly PeriodTarget[];
  /** Working days for the current rate, default 10 (two working weeks: smooths a slow day, still reacts). */
  rateWindow?: number;
  /** Behind when actual < planToDate × (1 − tolerance); default TOLERANCE (./status.ts). */
  tolerance?: number;
}

export interface ProgressFigures {
  /** Plan at the end of today: figures treat today as a day whose work counts (see workingDaysLeft). */
  planToDate: number;
  /** actual − planToDate. */
  variance: number;
  /** actual / target, 0..∞; 1 when the target is 0 (nothing was asked). */
  percentOfPlan: number;
  /** actual / planToDate; null while nothing is planned yet. */
  percentOfPlanToDate: number | null;
  /**
   * Output per working day over the last rateWindow working days up to today, or up to yesterday while today has
   * no output yet (so a morning does not read as a slump). Output on any day in the window counts, Saturday work
   * included; the divisor is working days only. The window never reaches back before periodStart.
   */
  currentRate: number;
  /** max(0, target − actual). */
  remaining: number;
  /** Working days from tomorrow (or periodStart, if later) to periodEnd: today's output is already in `actual`. */
  workingDaysLeft: number;
  /** remaining / workingDaysLeft per working day; null when nothing is left or no days are left. */
  catchUpRate: number | null;
  /**
   * The working day the target is reached at currentRate, counting from tomorrow; null if the rate is 0 (or less)
   * and something remains, or if that day is past year 9999. When already done: the day the cumulative reached
   * the target (and stayed there), from `daily`; null if that day is older than the days in `daily`.
   */
  forecastDay: string | null;
  /** itemStatus (./status.ts): done when actual ≥ target; behind below planToDate × (1 − tolerance). */
  status: "done" | "on_schedule" | "behind";
  /**
   * forecastDay after periodEnd (for a done target: it was finished late). False when forecastDay is null: a
   * stalled fonds shows as no forecast, not as late, so the first morning of a period raises no false alarm.
   */
  forecastLate: boolean;
}

// About 3,800 years: keeps a trickle's forecast a four-digit-year day (and inside Date's range).
const MAX_FORECAST_WORKING_DAYS = 1_000_000;

export function progressFigures(input: ProgressInput): ProgressFigures {
  const { target, actual, periodStart, periodEnd, today, cal } = input;
  const tolerance = input.tolerance ?? TOLERANCE;
  const planToDate = planAt(target, input.targets, today, { periodStart, periodEnd, cal });
  const remaining = Math.max(0, target - actual);

  const perDay = dailyTotals(input.daily, today);
  const tomorrow = addDays(today, 1);
  const firstDayLeft = tomorrow > periodStart ? tomorrow : periodStart;
  const workingDaysLeft = workingDaysBetween(firstDayLeft, periodEnd, cal);

  const rate = currentRate(perDay, today, periodStart, input.rateWindow ?? 10, cal);
  let forecastDay: string | null;
  if (remaining === 0) forecastDay = dayReached(perDay, actual, target);
  else if (rate.output <= 0) forecastDay = null;
  else {
    // ceil(remaining ÷ (output ÷ days)) in integers, so 1.000 at 50 a day is exactly 20 days, not 20.000000001.
    const daysNeeded = ceilDiv(remaining * rate.days, rate.output);
    forecastDay = daysNeeded > MAX_FORECAST_WORKING_DAYS ? null : nthWorkingDayFrom(firstDayLeft, daysNeeded, cal);
  }

  return {
    planToDate,
    variance: actual - planToDate,
    percentOfPlan: target > 0 ? actual / target : 1,
    percentOfPlanToDate: planToDate > 0 ? actual / planToDate : null,
    currentRate: rate.days > 0 ? rate.output / rate.days : 0,
    remaining,
    workingDaysLeft,
    catchUpRate: remaining > 0 && workingDaysLeft > 0 ? remaining / workingDaysLeft : null,
    forecastDay,
    status: itemStatus(actual, target, planToDate, tolerance),
    forecastLate: forecastDay !== null && forecastDay > periodEnd,
  };
}

/** Amounts summed per day, ascending; days after today are ignored (they cannot have happened yet). */
function dailyTotals(daily: ProgressInput["daily"], today: string): [string, number][] {
  const totals = new Map<string, number>();
  for (const { day, amount } of daily) if (day <= today) totals.set(day, (totals.get(day) ?? 0) + amount);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1));
}

function currentRate(
  perDay: readonly [string, number][],
  today: string,
  periodStart: string,
  window: number,
  cal: WorkCalendar,
): { output: number; days: number } {
  const hasOutputToday = perDay.some(([day, amount]) => day === today && amount !== 0);
  const end = hasOutputToday ? today : addDays(today, -1);
  const back = nthWorkingDayBefore(end, Math.max(1, Math.floor(window)), cal);
  const start = back > periodStart ? back : periodStart;
  if (end < start) return { output: 0, days: 0 };
  let output = 0;
  for (const [day, amount] of perDay) if (day >= start && day <= end) output += amount;
  // Output only on non-working days (the period opened on a Saturday that was worked): count it as one day's work
  // rather than divide by zero.
  return { output, days: Math.max(1, workingDaysBetween(start, end, cal)) };
}

/**
 * The day from whose end on the cumulative has stayed at or above the target (corrections can be negative),
 * walking back from today: the cumulative at the end of a day is `actual` minus everything recorded after it.
 */
function dayReached(perDay: readonly [string, number][], actual: number, target: number): string | null {
  let cumulative = actual;
  let reached: string | null = null;
  for (let i = perDay.length - 1; i >= 0; i--) {
    const [day, amount] = perDay[i]!;
    if (cumulative < target) break;
    reached = day;
    cumulative -= amount;
  }
  // Still at target before the first recorded day: the day it was reached is not in the data.
  return cumulative >= target ? null : reached;
}

/** floor(a × b ÷ c) for non-negative integers, exact beyond 2^53 (BigInt only when the product needs it). */
function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    let q = Math.floor(product / c);
    while (q * c > product) q--;
    while ((q + 1) * c <= product) q++;
    return q;
  }
  if (Number.isInteger(a) && Number.isInteger(b)) return Number((BigInt(a) * BigInt(b)) / BigInt(c));
  return Math.floor(product / c);
}

function ceilDiv(a: number, b: number): number {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    const q = Math.floor(a / b);
    return q * b < a ? q + 1 : q;
  }
  return Math.ceil(a / b);
}
