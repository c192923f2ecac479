// Provinces and the leadership overview: every project of a province with live totals against plan.
import { owedPastDue } from "../../schema/reports/filing";
import { reportingCalendar } from "../reports/filings";
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ProjectCreateSchema, ProvinceCreateSchema, ProvinceIdParam } from "../../schema/api";
import { alertRules, projects, provinces } from "../../schema/db";
import { starterRules } from "../alerts/starter-rules";
import { isSystemAdmin, roleOn, seesRestricted } from "../auth/policy";
import { commitChange } from "../lib/admin-change";
import { auditInsert } from "../lib/audit";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { archivedError } from "../lib/project";
import { zValidator } from "../lib/validator";

export const provinceRoutes = router()
  .get("/provinces", async (c) => {
    const db = drizzle(c.env.DB);
    const [provinceRows, projectRows] = await db.batch([
      db.select().from(provinces).orderBy(asc(provinces.name)),
      db.select({ id: projects.id, provinceId: projects.provinceId, name: projects.name, archivedAt: projects.archivedAt }).from(projects).orderBy(asc(projects.name)),
    ]);
    const p = c.var.principal;
    // Only what the caller may see: a leader of one province never learns of another's projects.
    const visible = projectRows.filter((j) => roleOn(p, { provinceId: j.provinceId, projectId: j.id }) !== null);
    return c.json({
      provinces: provinceRows
        .map((v) => ({ id: v.id, name: v.name, projects: visible.filter((j) => j.provinceId === v.id) }))
        .filter((v) => v.projects.length > 0 || isSystemAdmin(p) || roleOn(p, { provinceId: v.id }) !== null),
    });
  })
  .post("/provinces", zValidator("json", ProvinceCreateSchema), async (c) => {
    const body = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const [before] = await db.select().from(provinces).where(eq(provinces.id, body.id));
    await db.batch([
      db.insert(provinces).values(body).onConflictDoUpdate({ target: provinces.id, set: { name: body.name } }),
      auditInsert(c.env.DB, c.var.principal, { action: before ? "province.update" : "province.create", target: body.id, provinceId: body.id, before, after: body }),
    ]);
    return c.json(body, before ? 200 : 201);
  })
  .get("/provinces/:provinceId/overview", zValidator("param", ProvinceIdParam), async (c) => {
    const { provinceId } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    const [province] = await db.select().from(provinces).where(eq(provinces.id, provinceId));
    if (!province) throw new ApiError(404, "not_found", "Không có tỉnh này (unknown province)");
    const rows = await db.select({ id: projects.id, periodStart: projects.periodStart, periodEnd: projects.periodEnd, timeZone: projects.timeZone }).from(projects).where(eq(projects.provinceId, provinceId)).orderBy(asc(projects.name));
    // Live figures come from each project's Durable Object, in parallel; D1 may trail them by a flush.
    const restricted = seesRestricted(c.var.role);
    const now = Date.now();
    const summaries = await Promise.all(
      rows.map(async (p) => {
        const [summary, calendar] = await Promise.all([roomFor(c.env, p.id).summary(restricted), reportingCalendar(c.env.DB, p, now)]);
        // Seeds 003, 004: units that report late are shown, not hidden.
        return summary && { ...summary, reportsOverdue: calendar.items.filter(owedPastDue).length };
      }),
    );
    return c.json({ province: { id: province.id, name: province.name }, projects: summaries.filter((s) => s !== null) });
  })
  .post("/provinces/:provinceId/projects", zValidator("param", ProvinceIdParam), zValidator("json", ProjectCreateSchema), async (c) => {
    const { provinceId } = c.req.valid("param");
    const body = { ...c.req.valid("json"), provinceId };
    const db = drizzle(c.env.DB);
    const [province] = await db.select().from(provinces).where(eq(provinces.id, provinceId));
    if (!province) throw new ApiError(404, "not_found", "Không có tỉnh này (unknown province)");
    const [before] = await db.select().from(projects).where(eq(projects.id, body.id));
    if (before && before.provinceId !== provinceId) throw new ApiError(409, "conflict", "Mã dự án đã dùng ở tỉnh khác (project id taken)");
    if (before?.archivedAt) throw archivedError();
    const { id, ...rest } = body;
    await commitChange(
      c,
      { id, provinceId },
      [
        db.insert(projects).values(body).onConflictDoUpdate({ target: projects.id, set: rest }),
        // A new project starts with the starter rules (worker/alerts/starter-rules.ts); an update keeps its own.
        ...(before ? [] : [db.insert(alertRules).values(starterRules(id))]),
      ],
      { action: before ? "project.update" : "project.create", target: id, before, after: body },
    );
    return c.json(body, before ? 200 : 201);
  });
