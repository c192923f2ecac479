// Shared fixtures of the progress tests: calendars, day lists and a month of plan.
import { addDays, DEFAULT_CALENDAR, isWorkingDay, type WorkCalendar } from "../../schema/calendar";
import type { ProgressInput } from "../../schema/progress";

export const PLAIN: WorkCalendar = { holidays: [], workingSaturdays: [] };

/** Every day from `from` to `to` inclusive. */
export function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** `amount` on every working day from `from` to `to`. */
export function eachWorkingDay(from: string, to: string, amount: number, cal: WorkCalendar = DEFAULT_CALENDAR) {
  return days(from, to)
    .filter((day) => isWorkingDay(day, cal))
    .map((day) => ({ day, amount }));
}

// March 2026 has no holidays: 2026-03-02 (Mon) to 2026-03-27 (Fri) is 20 working days, 100 a day for 2000.
export const MARCH = {
  target: 2000,
  periodStart: "2026-03-02",
  periodEnd: "2026-03-27",
  today: "2026-03-13",
  cal: DEFAULT_CALENDAR,
} satisfies Partial<ProgressInput>;
