// The reporting calendar of a project as stored in D1: which due reports exist, which the centre has
// submitted and the department received (schema/reports/filing.ts decides the states). A submitted
// period is frozen: no new version, no change to its notes.
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { reportFilings, reports } from "../../schema/db";
import { dueReports, filingState, periodDueOn, type DueReport, type FilingState } from "../../schema/reports/filing";
import { dayInZone } from "../../schema/time";
import { ApiError } from "../lib/errors";

export interface CalendarItem extends DueReport {
  state: FilingState;
  daysLate: number;
  /** The latest version written for the period, if any. */
  report: { id: string; version: number; generatedAt: number } | null;
  submitted: { by: string; at: number } | null;
  received: { by: string; at: number } | null;
}

type Period = { type: string; from: string; to: string };
const samePeriod = (projectId: string, p: Period) =>
  and(eq(reportFilings.projectId, projectId), eq(reportFilings.type, p.type as DueReport["type"]), eq(reportFilings.from, p.from), eq(reportFilings.to, p.to));

export async function filingOf(d1: D1Database, projectId: string, p: Period) {
  const [row] = await drizzle(d1).select().from(reportFilings).where(samePeriod(projectId, p));
  return row ?? null;
}

/** The period of a report due on `due`, open for a new version; a 400 or a 409 otherwise. */
export async function openDuePeriod(d1: D1Database, projectId: string, type: DueReport["type"], due: string): Promise<DueReport> {
  const period = periodDueOn(type, due);
  if (!period) throw new ApiError(400, "validation_failed", "Ngày này không có báo cáo loại đó đến hạn (no such report is due that day)", [{ path: "due", message: "not a due date of this report type" }]);
  await assertOpen(d1, projectId, period);
  return period;
}

export async function assertOpen(d1: D1Database, projectId: string, p: Period): Promise<void> {
  if (await filingOf(d1, projectId, p)) throw new ApiError(409, "conflict", "Báo cáo kỳ này đã trình, không sửa được nữa (the report of this period was submitted and is frozen)");
}

export async function reportingCalendar(d1: D1Database, project: { id: string; periodStart: string; periodEnd: string; timeZone: string }, now: number): Promise<{ today: string; items: CalendarItem[] }> {
  const today = dayInZone(now, project.timeZone);
  const db = drizzle(d1);
  const [written, filings] = await db.batch([
    db.select({ id: reports.id, type: reports.type, from: reports.from, to: reports.to, version: reports.version, generatedAt: reports.generatedAt }).from(reports).where(eq(reports.projectId, project.id)).orderBy(desc(reports.version)),
    db.select().from(reportFilings).where(eq(reportFilings.projectId, project.id)),
  ]);
  const latest = new Map<string, (typeof written)[number]>();
  for (const r of written) if (!latest.has(`${r.type}/${r.from}/${r.to}`)) latest.set(`${r.type}/${r.from}/${r.to}`, r);
  const filed = new Map(filings.map((f) => [`${f.type}/${f.from}/${f.to}`, f]));
  const items = dueReports(project.periodStart, project.periodEnd, today).map((d): CalendarItem => {
    const key = `${d.type}/${d.from}/${d.to}`;
    const f = filed.get(key);
    const r = latest.get(key);
    const day = (at: number | null | undefined) => (at ? dayInZone(at, project.timeZone) : null);
    return {
      ...d,
      ...filingState(d.due, today, f ? { submittedDay: day(f.submittedAt), receivedDay: day(f.receivedAt) } : null),
      report: r ? { id: r.id, version: r.version, generatedAt: r.generatedAt } : null,
      submitted: f ? { by: f.submittedBy, at: f.submittedAt } : null,
      received: f?.receivedAt ? { by: f.receivedBy ?? "", at: f.receivedAt } : null,
    };
  });
  return { today, items: items.reverse() };
}
