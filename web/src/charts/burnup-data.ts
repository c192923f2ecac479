// The burn-up chart's series for one kind of work: cumulative actual, the plan curve and the forecast at
// the current rate, one point per calendar day. Pure (unit-tested); BurnUpChart.tsx feeds Chart.js.
import { addDays, isWorkingDay, type WorkCalendar } from "../../../schema/calendar";
import type { PlanItem } from "../../../schema/plan-progress";
import { planAt } from "../../../schema/progress";

export interface BurnUpInput {
  /** The project's output per day for the kind (any order). */
  daily: readonly { day: string; amount: number }[];
  target: number;
  /** The fonds × kind items behind the target, with their period targets: the plan line is their sum, the
   * curve the figures and alerts measure against. Absent: linear towards `target`. */
  items?: readonly Pick<PlanItem, "target" | "periods">[];
  periodStart: string;
  periodEnd: string;
  today: string;
  cal: WorkCalendar;
  /** Output per working day (KindFigures.currentRate). */
  rate: number;
  forecastDay: string | null;
}

export interface BurnUpSeries {
  days: string[];
  actual: (number | null)[];
  plan: number[];
  forecast: (number | null)[];
}

/** A forecast far beyond the period is cut here: the chart must stay readable and "late" is already shown. */
const FORECAST_HORIZON_DAYS = 366;

export function burnUp(input: BurnUpInput): BurnUpSeries {
  const { periodStart, periodEnd, today, target, cal } = input;
  let end = today > periodEnd ? today : periodEnd;
  if (input.forecastDay && input.forecastDay > end) {
    const horizon = addDays(periodEnd, FORECAST_HORIZON_DAYS);
    end = input.forecastDay < horizon ? input.forecastDay : horizon;
  }

  const perDay = new Map<string, number>();
  let before = 0; // output dated before the period: part of the total from the first day on
  for (const { day, amount } of input.daily) {
    if (day < periodStart) before += amount;
    else perDay.set(day, (perDay.get(day) ?? 0) + amount);
  }

  const days: string[] = [];
  const actual: (number | null)[] = [];
  const plan: number[] = [];
  const forecast: (number | null)[] = [];
  let cumulative = before;
  let projected: number | null = null;
  for (let day = periodStart; day <= end; day = addDays(day, 1)) {
    days.push(day);
    plan.push(input.items ? input.items.reduce((s, it) => s + (it.target > 0 ? planAt(it.target, it.periods, day, input) : 0), 0) : planAt(target, undefined, day, input));
    if (day <= today) {
      cumulative += perDay.get(day) ?? 0;
      actual.push(cumulative);
    } else actual.push(null);

    if (day < today) forecast.push(null);
    else if (day === today) forecast.push((projected = cumulative));
    else if (projected !== null && projected < target && input.rate > 0) {
      if (isWorkingDay(day, cal)) projected = Math.min(target, projected + input.rate);
      forecast.push(Math.round(projected));
    } else {
      forecast.push(null);
      projected = null; // reached or stalled: the line stops
    }
  }
  return { days, actual, plan, forecast };
}
