// The reporting calendar: every report due since the project started with its state (due, overdue by
// how many days, submitted, received), writing the missing ones on request, and the sign-offs.
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ProjectIdParam, ReportParams } from "../../schema/api";
import { reportFilings, reports } from "../../schema/db";
import { dayInZone } from "../../schema/time";
import { actorOf } from "../lib/actor";
import { router } from "../lib/app-env";
import { auditInsert } from "../lib/audit";
import { ApiError } from "../lib/errors";
import { requireProject } from "../lib/project";
import { zValidator } from "../lib/validator";
import { catchUpReports } from "../reports/catch-up";
import { assertOpen, filingOf, reportingCalendar } from "../reports/filings";

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

export const filingRoutes = router()
  .get("/projects/:projectId/reporting-calendar", zValidator("param", ProjectIdParam), async (c) => {
    const project = await requireProject(c.env.DB, c.req.valid("param").projectId);
    return c.json(await reportingCalendar(c.env.DB, project, Date.now()));
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
    await assertOpen(c.env.DB, projectId, report);
    const by = actorOf(c.var.principal).name;
    const at = Date.now();
    const db = drizzle(c.env.DB);
    await db.batch([
      db.insert(reportFilings).values({ projectId, type: report.type, from: report.from, to: report.to, reportId, submittedAt: at, submittedBy: by }),
      auditInsert(c.env.DB, c.var.principal, { action: "report.submit", target: `${report.type} ${report.from}–${report.to} v${report.version}`, provinceId: project.provinceId, projectId, after: { reportId } }),
    ]);
    return c.json({ submitted: { by, at } });
  })
  .post("/projects/:projectId/reports/:reportId/receive", zValidator("param", ReportParams), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const [row] = await drizzle(c.env.DB).select({ type: reports.type, from: reports.from, to: reports.to }).from(reports).where(and(eq(reports.id, reportId), eq(reports.projectId, projectId)));
    if (!row) throw new ApiError(404, "not_found", "Không có báo cáo này (unknown report)");
    const filing = await filingOf(c.env.DB, projectId, row);
    if (!filing || filing.reportId !== reportId) throw new ApiError(409, "conflict", "Báo cáo chưa được trình (the report has not been submitted)");
    if (filing.receivedAt) throw new ApiError(409, "conflict", "Báo cáo đã được tiếp nhận (already received)");
    const by = actorOf(c.var.principal).name;
    const at = Date.now();
    const db = drizzle(c.env.DB);
    await db.batch([
      db.update(reportFilings).set({ receivedAt: at, receivedBy: by }).where(and(eq(reportFilings.projectId, projectId), eq(reportFilings.type, filing.type), eq(reportFilings.from, filing.from), eq(reportFilings.to, filing.to))),
      auditInsert(c.env.DB, c.var.principal, { action: "report.receive", target: `${row.type} ${row.from}–${row.to}`, provinceId: project.provinceId, projectId, after: { reportId } }),
    ]);
    return c.json({ received: { by, at } });
  });
