// Progress reports: the stored snapshots (cron or on request), their CSV, XLSX and Word document, the
// centre's difficulties, proposals and reasons for each period, and who issues the official document.
// Every export goes through loadReport, so what a viewer may not see (worker/reports/visible.ts) is
// never in any of them.
import { and, desc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { DocumentSaveSchema, ProjectIdParam, ReportRequestSchema, ReportNotesSchema, ReportParams, ReportQuery } from "../../schema/api";
import { reports } from "../../schema/db";
import { reportSheet, type Locale } from "../../schema/reports/columns";
import { officialDocument } from "../../schema/reports/document";
import { formatDate } from "../../schema/time";
import type { Context } from "hono";
import { audienceOf } from "../lib/audience";
import { roomFor, router, type AppEnv } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { actorOf } from "../lib/actor";
import { zValidator } from "../lib/validator";
import type { ReportContent } from "../../schema/reports/content";
import { assertWritable, filingOfReport, openDuePeriod } from "../reports/filings";
import { catchUpOnRead } from "../reports/catch-up";
import { buildReport, storeReport } from "../reports/generate";
import { loadDocumentSettings, saveDocumentSettings } from "../reports/document-settings";
import { toDocx } from "../reports/docx";
import { toCsv, toXlsx } from "../reports/export";
import { reportForAudience } from "../reports/visible";
import { loadNotes, saveNotes } from "../reports/notes";
import { fieldsWithout, notesWithout } from "../../schema/reports/notes-merge";
import { requireProject } from "../lib/project";

/**
 * A stored report as this viewer may see it (worker/reports/visible.ts), with the period's notes and
 * the document settings: those it was submitted with when it was (frozen), today's otherwise.
 */
async function loadReport(c: Context<AppEnv>, projectId: string, reportId: string) {
  const db = drizzle(c.env.DB);
  const [row] = await db.select().from(reports).where(and(eq(reports.id, reportId), eq(reports.projectId, projectId)));
  if (!row) throw new ApiError(404, "not_found", "Không có báo cáo này (unknown report)");
  const filing = await filingOfReport(c.env.DB, reportId);
  const notes = filing ? filing.notes : await loadNotes(c.env.DB, projectId, row);
  const content = reportForAudience(row.content as ReportContent, await audienceOf(c, projectId));
  // Reasons are keyed "code/kind": a hidden fonds' reason goes with its row.
  const shown = new Set(content.table.rows.map((r) => r.code));
  const visibleNotes = notes ? { ...notes, reasons: Object.fromEntries(Object.entries(notes.reasons).filter(([k]) => shown.has(k.slice(0, k.lastIndexOf("/"))))) } : null;
  // A filing from before snapshots were kept has none: today's settings are the best there is.
  const document = filing?.document ? { settings: filing.document, saved: { by: filing.submittedBy, at: filing.submittedAt } } : await loadDocumentSettings(c.env.DB, projectId);
  const frozen = filing
    ? { submitted: { by: filing.submittedBy, at: filing.submittedAt }, received: filing.receivedAt ? { by: filing.receivedBy ?? "", at: filing.receivedAt } : null, corrected: filing.correctedAt ? { by: filing.correctedBy ?? "", at: filing.correctedAt, reason: filing.correctionReason ?? "" } : null }
    : null;
  return { meta: { id: row.id, type: row.type, from: row.from, to: row.to, version: row.version, generatedAt: row.generatedAt, generatedBy: row.generatedBy }, content, notes: visibleNotes, document, frozen };
}

/** The centre's notes under the sheet of a CSV or XLSX. */
function notesLines(notes: { difficulties: string; proposals: string } | null, locale: Locale): string[] {
  const [d, p] = locale === "vi" ? ["Khó khăn, vướng mắc", "Kiến nghị, đề xuất"] : ["Difficulties", "Proposals"];
  return [`${d}: ${notes?.difficulties || "—"}`, `${p}: ${notes?.proposals || "—"}`];
}

function heading(content: ReportContent, locale: Locale): string[] {
  const title = { weekly: ["Báo cáo tuần", "Weekly report"], monthly: ["Báo cáo tháng", "Monthly report"], inspection: ["Phiếu kiểm tra", "Inspection sheet"], adhoc: ["Báo cáo đột xuất", "Ad-hoc report"] }[content.type];
  const i = locale === "vi" ? 0 : 1;
  return [`${title[i]}: ${content.project.name}`, content.project.legalBasis, `${formatDate(content.from)} – ${formatDate(content.to)}`];
}

function fileName(content: ReportContent, ext: string): string {
  return `bao-cao-${content.project.id}-${content.type}-${content.from}-${content.to}.${ext}`;
}

export const reportRoutes = router()
  .get("/projects/:projectId/reports", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    await catchUpOnRead(c.env.DB, await requireProject(c.env.DB, projectId), Date.now());
    const rows = await drizzle(c.env.DB)
      .select({ id: reports.id, type: reports.type, from: reports.from, to: reports.to, version: reports.version, generatedAt: reports.generatedAt, generatedBy: reports.generatedBy })
      .from(reports)
      .where(eq(reports.projectId, projectId))
      .orderBy(desc(reports.to), desc(reports.version))
      .limit(200);
    return c.json({ reports: rows });
  })
  .post("/projects/:projectId/reports", zValidator("param", ProjectIdParam), zValidator("json", ReportRequestSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    await requireProject(c.env.DB, projectId);
    const body = c.req.valid("json");
    const period = "due" in body ? await openDuePeriod(c.env.DB, projectId, body.type, body.due) : { type: "adhoc" as const, from: body.from, to: body.to };
    const content = await buildReport(c.env.DB, projectId, period, Date.now());
    if (!content) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
    const stored = await storeReport(c.env.DB, content, actorOf(c.var.principal).name, false);
    return c.json(stored, 201);
  })
  .get("/projects/:projectId/reports/:reportId", zValidator("param", ReportParams), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    return c.json(await loadReport(c, projectId, reportId));
  })
  .get("/projects/:projectId/reports/:reportId/csv", zValidator("param", ReportParams), zValidator("query", ReportQuery), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    const { locale } = c.req.valid("query");
    const { content, notes } = await loadReport(c, projectId, reportId);
    const decimals = Object.fromEntries(content.kinds.map((k) => [k.key, k.decimals]));
    return c.body(toCsv(reportSheet(content.table, decimals, locale), locale, heading(content, locale), notesLines(notes, locale)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(content, "csv")}"`,
    });
  })
  .get("/projects/:projectId/reports/:reportId/xlsx", zValidator("param", ReportParams), zValidator("query", ReportQuery), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    const { locale } = c.req.valid("query");
    const { content, notes } = await loadReport(c, projectId, reportId);
    const decimals = Object.fromEntries(content.kinds.map((k) => [k.key, k.decimals]));
    return c.body(await toXlsx(reportSheet(content.table, decimals, locale), heading(content, locale), notesLines(notes, locale), locale), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName(content, "xlsx")}"`,
    });
  })
  .get("/projects/:projectId/reports/:reportId/docx", zValidator("param", ReportParams), zValidator("query", ReportQuery), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    const { locale } = c.req.valid("query");
    const { content, notes, document } = await loadReport(c, projectId, reportId);
    return c.body(await toDocx(officialDocument(content, notes, document.settings, locale)), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${fileName(content, "docx")}"`,
    });
  })
  .put("/projects/:projectId/report-document", zValidator("param", ProjectIdParam), zValidator("json", DocumentSaveSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const { base, ...settings } = c.req.valid("json");
    const outcome = await saveDocumentSettings(c.env.DB, c.var.principal, { projectId, provinceId: project.provinceId }, settings, base, actorOf(c.var.principal).name);
    if (!outcome.ok) {
      const { saved } = outcome.current;
      const message = saved ? savedInBetween(saved.by, saved.at, project.timeZone) : "Thiết lập văn bản đã thay đổi sau khi bạn mở; tải lại rồi sửa (the document settings changed after you opened them; reload and edit again)";
      throw new ApiError(409, "conflict", message, { current: outcome.current });
    }
    return c.json(outcome.current);
  })
  .put("/projects/:projectId/reports/:reportId/notes", zValidator("param", ReportParams), zValidator("json", ReportNotesSchema), async (c) => {
    const { projectId, reportId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const [row] = await drizzle(c.env.DB)
      .select({ type: reports.type, from: reports.from, to: reports.to, restricted: sql<string>`json_extract(${reports.content}, '$.restricted')` })
      .from(reports)
      .where(and(eq(reports.id, reportId), eq(reports.projectId, projectId)));
    if (!row) throw new ApiError(404, "not_found", "Không có báo cáo này (unknown report)");
    const period = { type: row.type, from: row.from, to: row.to };
    await assertWritable(c.env.DB, projectId, reportId, period);
    const { base, ...edit } = c.req.valid("json");
    const outcome = await saveNotes(c.env.DB, c.var.principal, { projectId, provinceId: project.provinceId, period }, edit, base, actorOf(c.var.principal).name);
    const hidden = (await audienceOf(c, projectId)).hidden;
    if (!outcome.ok) {
      const current = notesWithout(outcome.current, hidden);
      throw new ApiError(409, "conflict", savedInBetween(current.updatedBy, current.updatedAt, project.timeZone), { current, conflicts: fieldsWithout(outcome.conflicts, hidden) });
    }
    if (outcome.changed.length > 0) {
      // The save stands in D1 whatever happens here; a watcher who missed the news sees it on reload.
      const restrictedWhenMade = JSON.parse(row.restricted ?? "[]") as string[];
      await roomFor(c.env, projectId)
        .notesSaved(period, outcome.saved, outcome.changed, restrictedWhenMade)
        .catch((err: unknown) => console.error(`report-notes broadcast failed for ${projectId}:`, String(err)));
    }
    return c.json(notesWithout(outcome.saved, hidden));
  });

/** The 409's message: whose save came in between, and when, in the project's clock. */
function savedInBetween(by: string, at: number, timeZone: string): string {
  const time = new Intl.DateTimeFormat("vi-VN", { timeZone, hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric" }).format(at);
  return `${by} đã lưu thay đổi lúc ${time}, sau khi bạn mở bản này; xem bản của họ và gộp lại (${by} saved changes at ${time} after you opened this version; merge with theirs)`;
}
