// The reporting calendar of a project as stored in D1: which due reports exist, which versions the
// centre has submitted and the department received, which were corrected (schema/reports/filing.ts
// decides the states). A submitted version is frozen: no change to it or its notes; a correction makes
// the next version, which is filed in its turn.
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { reportFilings, reportNotes, reports } from "../../schema/db";
import { dueReports, filingState, periodDueOn, type DueReport, type FilingState } from "../../schema/reports/filing";
import { dayInZone } from "../../schema/time";
import { ApiError } from "../lib/errors";

export type Filing = typeof reportFilings.$inferSelect;

export interface CalendarItem extends DueReport {
  state: FilingState;
  daysLate: number;
  /** The latest version written for the period, if any. */
  report: { id: string; version: number; generatedAt: number } | null;
  /** The latest submission: by the centre, of which version. */
  submitted: { by: string; at: number; version: number } | null;
  /** The department's receipt of the latest submission. */
  received: { by: string; at: number } | null;
  /** The latest correction of a submitted version: who opened it, when and why. */
  corrected: { by: string; at: number; reason: string } | null;
  /** The centre's notes last saved, while not submitted. */
  drafted: { by: string; at: number } | null;
}

type Period = { type: string; from: string; to: string };
const samePeriod = (projectId: string, p: Period) =>
  and(eq(reportFilings.projectId, projectId), eq(reportFilings.type, p.type as DueReport["type"]), eq(reportFilings.from, p.from), eq(reportFilings.to, p.to));

/** The filing of one version, if it was submitted. */
export async function filingOfReport(d1: D1Database, reportId: string): Promise<Filing | null> {
  const [row] = await drizzle(d1).select().from(reportFilings).where(eq(reportFilings.reportId, reportId));
  return row ?? null;
}

/** The period of a report due on `due`, open for a new version; a 400 or a 409 otherwise. */
export async function openDuePeriod(d1: D1Database, projectId: string, type: DueReport["type"], due: string): Promise<DueReport> {
  const period = periodDueOn(type, due);
  if (!period) throw new ApiError(400, "validation_failed", "Ngày này không có báo cáo loại đó đến hạn (no such report is due that day)", [{ path: "due", message: "not a due date of this report type" }]);
  await assertOpen(d1, projectId, period);
  return period;
}

/** A period is open while its latest version is not submitted; after that only a correction reopens it. */
export async function assertOpen(d1: D1Database, projectId: string, p: Period): Promise<void> {
  const db = drizzle(d1);
  const [latest] = await db
    .select({ filed: reportFilings.reportId })
    .from(reports)
    .leftJoin(reportFilings, eq(reportFilings.reportId, reports.id))
    .where(and(eq(reports.projectId, projectId), eq(reports.type, p.type as DueReport["type"]), eq(reports.from, p.from), eq(reports.to, p.to)))
    .orderBy(desc(reports.version))
    .limit(1);
  if (latest?.filed) throw new ApiError(409, "conflict", "Báo cáo kỳ này đã trình, không sửa được nữa; muốn sửa hãy lập bản điều chỉnh (the report of this period was submitted and is frozen; make a correction to change it)");
}

/** The notes of a report may change only while neither it nor its period's latest version is submitted. */
export async function assertWritable(d1: D1Database, projectId: string, reportId: string, p: Period): Promise<void> {
  if (await filingOfReport(d1, reportId)) throw new ApiError(409, "conflict", "Bản báo cáo này đã trình, không sửa được nữa (this version was submitted and is frozen)");
  await assertOpen(d1, projectId, p);
}

export async function reportingCalendar(d1: D1Database, project: { id: string; periodStart: string; periodEnd: string; timeZone: string }, now: number): Promise<{ today: string; items: CalendarItem[] }> {
  const today = dayInZone(now, project.timeZone);
  const db = drizzle(d1);
  const [written, filings, notes] = await db.batch([
    db.select({ id: reports.id, type: reports.type, from: reports.from, to: reports.to, version: reports.version, generatedAt: reports.generatedAt }).from(reports).where(eq(reports.projectId, project.id)).orderBy(desc(reports.version)),
    db.select().from(reportFilings).where(eq(reportFilings.projectId, project.id)).orderBy(reportFilings.submittedAt),
    db.select({ type: reportNotes.type, from: reportNotes.from, to: reportNotes.to, by: reportNotes.updatedBy, at: reportNotes.updatedAt }).from(reportNotes).where(eq(reportNotes.projectId, project.id)),
  ]);
  const key = (p: Period) => `${p.type}/${p.from}/${p.to}`;
  const versionOf = new Map(written.map((w) => [w.id, w.version]));
  const latest = new Map<string, (typeof written)[number]>();
  for (const r of written) if (!latest.has(key(r))) latest.set(key(r), r);
  const filed = new Map<string, Filing[]>();
  for (const f of filings) filed.set(key(f), [...(filed.get(key(f)) ?? []), f]);
  const drafts = new Map(notes.map((n) => [key(n), n]));
  const day = (at: number | null | undefined) => (at ? dayInZone(at, project.timeZone) : null);
  const items = dueReports(project.periodStart, project.periodEnd, today).map((d): CalendarItem => {
    const r = latest.get(key(d));
    const fs = filed.get(key(d)) ?? [];
    const last = fs.at(-1);
    const fix = fs.filter((f) => f.correctedAt).at(-1);
    const lastSubmitted = !!last && last.reportId === r?.id;
    const draft = drafts.get(key(d));
    const state = filingState(d.due, today, {
      firstSubmittedDay: day(fs[0]?.submittedAt),
      latestSubmitted: lastSubmitted,
      latestReceived: lastSubmitted && !!last.receivedAt,
      corrected: !!fix,
      drafted: !!draft,
    });
    return {
      ...d,
      ...state,
      report: r ? { id: r.id, version: r.version, generatedAt: r.generatedAt } : null,
      submitted: last ? { by: last.submittedBy, at: last.submittedAt, version: versionOf.get(last.reportId) ?? 0 } : null,
      received: last?.receivedAt ? { by: last.receivedBy ?? "", at: last.receivedAt } : null,
      corrected: fix ? { by: fix.correctedBy ?? "", at: fix.correctedAt!, reason: fix.correctionReason ?? "" } : null,
      drafted: draft && !lastSubmitted ? { by: draft.by, at: draft.at } : null,
    };
  });
  return { today, items: items.reverse() };
}
