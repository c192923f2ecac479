// The reporting calendar: every report due since the project started with its state (due, overdue by
// how many days, drafted, submitted, received, corrected), writing the missing ones on request, the
// sign-offs, and corrections of a submitted report.
import { and, desc, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ProjectIdParam, ReportCorrectionSchema, ReportParams } from "../../schema/api";
import { reportFilings, reports } from "../../schema/db";
import { dayInZone } from "../../schema/time";
import { actorOf } from "../lib/actor";
import { router } from "../lib/app-env";
import { auditInsert, auditStatementIfChanged } from "../lib/audit";
import { ApiError } from "../lib/errors";
import { requireProject } from "../lib/project";
import { zValidator } from "../lib/validator";
import { catchUpOnRead, catchUpReports } from "../reports/catch-up";
import { loadDocumentSettings } from "../reports/document-settings";
import { filingOfReport, reportingCalendar } from "../reports/filings";
import { buildReport } from "../reports/generate";
import { loadNotes } from "../reports/notes";

/** The report in the path, which must be the latest version of a period of the reporting calendar. */
async function latestDueReport(d1: D1Database, projectId: string, reportId: string) {
  const db = drizzle(d1);
  const [row] = await db.select({ id: reports.id, type: reports.type, from: reports.from, to: reports.to, version: reports.version }).from(reports).where(and(eq(reports.id, reportId), eq(reports.projectId, projectId)));
  if (!row) throw new ApiError(404, "not_found", "Không có báo cáo này (unknown report)");
  if (row.type === "adhoc") throw new ApiError(400, "bad_request", "Báo cáo đột xuất không thuộc lịch báo cáo (an ad-hoc report is not filed)");
  const [latest] = await db.select({ id: reports.id }).from(reports).where(and(eq(reports.projectId, projectId), eq(reports.type, row.type), eq(reports.from, row.from), eq(reports.to, row.to))).orderBy(desc(reports.version)).limit(1);
  if (latest?.id !== row.id) throw new ApiError(409, "conflict", "Đã có phiên bản mới hơn của báo cáo này (a newer version of this report exists)");
  return { ...row, type: row.type };
}

/** A batch that lost a race to a unique index (the same version submitted or corrected twice) changes nothing: a 409. */
async function unlessRaced<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (String(err).includes("UNIQUE") || String(err).includes("PRIMARY KEY")) throw new ApiError(409, "conflict", message);
    throw err;
  }
}

export const filingRoutes = router()
  .get("/projects/:projectId/reporting-calendar", zValidator("param", ProjectIdParam), async (c) => {
    const project = await requireProject(c.env.DB, c.req.valid("param").projectId);
    const now = Date.now();
    await catchUpOnRead(c.env.DB, project, now);
    return c.json(await reportingCalendar(c.env.DB, project, now));
  })
  .post("/projects/:projectId/reports/catch-up", zValidator("param", ProjectIdParam), async (c) => {
    const project = await requireProject(c.env.DB, c.req.valid("param").projectId);
    const now = Date.now();
    const created = await catchUpReports(c.env.DB, project, dayInZone(now, project.timeZone), now, actorOf(c.var.principal).name);
    return c.json({ created });
  })
  .post("/projects/:projectId/reports/:reportId/submit", zValidator("param", ReportParams), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const report = await latestDueReport(c.env.DB, projectId, reportId);
    const frozen = "Báo cáo này đã trình (this report was already submitted)";
    if (await filingOfReport(c.env.DB, reportId)) throw new ApiError(409, "conflict", frozen);
    // What is signed is kept as it is now: later edits of the settings or the notes go to the next version.
    const [notes, document] = await Promise.all([loadNotes(c.env.DB, projectId, report), loadDocumentSettings(c.env.DB, projectId)]);
    const by = actorOf(c.var.principal).name;
    const at = Date.now();
    const db = drizzle(c.env.DB);
    const period = { projectId, type: report.type, from: report.from, to: report.to };
    await unlessRaced(
      db.batch([
        db.insert(reportFilings).values({ ...period, reportId, submittedAt: at, submittedBy: by, document: document.settings, notes }),
        auditInsert(c.env.DB, c.var.principal, { action: "report.submit", target: `${report.type} ${report.from}–${report.to} v${report.version}`, provinceId: project.provinceId, projectId, after: { reportId, document: document.settings } }),
      ]),
      frozen,
    );
    return c.json({ submitted: { by, at } });
  })
  .post("/projects/:projectId/reports/:reportId/receive", zValidator("param", ReportParams), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const [row] = await drizzle(c.env.DB).select({ type: reports.type, from: reports.from, to: reports.to, version: reports.version }).from(reports).where(and(eq(reports.id, reportId), eq(reports.projectId, projectId)));
    if (!row) throw new ApiError(404, "not_found", "Không có báo cáo này (unknown report)");
    const filing = await filingOfReport(c.env.DB, reportId);
    if (!filing) throw new ApiError(409, "conflict", "Báo cáo chưa được trình (the report has not been submitted)");
    if (filing.receivedAt) throw new ApiError(409, "conflict", "Báo cáo đã được tiếp nhận (already received)");
    if (filing.correctedAt) throw new ApiError(409, "conflict", "Bản này đã có bản điều chỉnh; tiếp nhận bản điều chỉnh (this version was corrected; receive the correction)");
    const by = actorOf(c.var.principal).name;
    const at = Date.now();
    const db = drizzle(c.env.DB);
    const d1 = c.env.DB;
    const update = db.update(reportFilings).set({ receivedAt: at, receivedBy: by }).where(and(eq(reportFilings.reportId, reportId), isNull(reportFilings.receivedAt))).toSQL();
    const [changed] = await d1.batch([
      d1.prepare(update.sql).bind(...update.params),
      auditStatementIfChanged(d1, c.var.principal, { action: "report.receive", target: `${row.type} ${row.from}–${row.to} v${row.version}`, provinceId: project.provinceId, projectId, after: { reportId } }),
    ]);
    if ((changed?.meta.changes ?? 0) === 0) throw new ApiError(409, "conflict", "Báo cáo đã được tiếp nhận (already received)");
    return c.json({ received: { by, at } });
  })
  .post("/projects/:projectId/reports/:reportId/correction", zValidator("param", ReportParams), zValidator("json", ReportCorrectionSchema), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const report = await latestDueReport(c.env.DB, projectId, reportId);
    if (!(await filingOfReport(c.env.DB, reportId))) throw new ApiError(409, "conflict", "Báo cáo chưa trình: lập lại thay vì điều chỉnh (not submitted yet: write it again instead of correcting it)");
    const period = { type: report.type, from: report.from, to: report.to };
    const now = Date.now();
    const content = await buildReport(c.env.DB, projectId, period, now);
    if (!content) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
    const by = actorOf(c.var.principal).name;
    const next = { id: crypto.randomUUID(), version: report.version + 1 };
    const d1 = c.env.DB;
    const db = drizzle(d1);
    const mark = db.update(reportFilings).set({ correctedAt: now, correctedBy: by, correctionReason: reason }).where(and(eq(reportFilings.reportId, reportId), isNull(reportFilings.correctedAt))).toSQL();
    const insert = db.insert(reports).values({ id: next.id, projectId, ...period, version: next.version, generatedAt: now, generatedBy: by, content }).toSQL();
    // The submitted version stays as it was; the next one starts from today's figures and the period's
    // notes. Two corrections at once: the second's new version hits the unique index and nothing of it stays.
    await unlessRaced(
      d1.batch([
        d1.prepare(mark.sql).bind(...mark.params),
        auditStatementIfChanged(d1, c.var.principal, { action: "report.correct", target: `${report.type} ${report.from}–${report.to} v${report.version}`, provinceId: project.provinceId, projectId, before: { reportId }, after: { reportId: next.id, version: next.version, reason } }),
        d1.prepare(insert.sql).bind(...insert.params),
      ]),
      "Báo cáo này vừa được người khác điều chỉnh (someone has just corrected this report)",
    );
    return c.json({ id: next.id, version: next.version, corrected: { by, at: now, reason } }, 201);
  });
