// The department's reporting calendar (seed 000), in Viet Nam days: a weekly report every Monday and
// Thursday, a monthly report on the 17th, an inspection sheet on the day of the monthly inspection, the
// 20th. Each covers the whole days since the previous report of its kind. Pure.
import { addDays, weekday } from "../calendar";

export type ReportType = "weekly" | "monthly" | "inspection" | "adhoc";

export interface ReportPeriod {
  type: ReportType;
  from: string;
  to: string;
}

function monthDay(day: string, dd: number, monthsBack: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - monthsBack, dd));
  return d.toISOString().slice(0, 10);
}

/** The reports due on `day` (the day they are written), with the periods they cover. */
export function reportsDueOn(day: string): ReportPeriod[] {
  const due: ReportPeriod[] = [];
  const wd = weekday(day);
  // Monday covers Thursday–Sunday, Thursday covers Monday–Wednesday: together every day, once.
  if (wd === 1) due.push({ type: "weekly", from: addDays(day, -4), to: addDays(day, -1) });
  if (wd === 4) due.push({ type: "weekly", from: addDays(day, -3), to: addDays(day, -1) });
  const dd = Number(day.slice(8, 10));
  if (dd === 17) due.push({ type: "monthly", from: monthDay(day, 17, 1), to: monthDay(day, 16, 0) });
  // Seed 000: "phục vụ kiểm tra, giám sát trực tiếp hàng tháng (ngày 20) … của Sở Nội vụ": the sheet
  // is owed on the inspection day itself and covers the whole days since the previous inspection.
  if (dd === 20) due.push({ type: "inspection", from: monthDay(day, 20, 1), to: monthDay(day, 19, 0) });
  return due;
}
