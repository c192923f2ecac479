// Project setup by administrators: plan import and fonds settings. Every change reaches the project's
// Durable Object through reload(), so watchers see the new plan at once.
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { FondsParams, FondsUpdateSchema, PlanImportSchema, ProjectIdParam } from "../../schema/api";
import { fonds } from "../../schema/db";
import { commitChange } from "../lib/admin-change";
import { auditStatement } from "../lib/audit";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { requireProject } from "../lib/project";
import { zValidator } from "../lib/validator";
import { parsePlanTable } from "../../schema/plan/import";

// Bound parameters: ?1 project id, ?2 a JSON array of rows; ?3/?4 whether to set approved/funded.
const UPSERT_FONDS = `
  INSERT INTO fonds (project_id, code, name, position)
  SELECT ?1, value->>0, value->>1, value->>2 FROM json_each(?2) WHERE true
  ON CONFLICT (project_id, code) DO UPDATE SET name = excluded.name, position = excluded.position`;

const UPSERT_TARGETS = `
  INSERT INTO plan_targets (project_id, fonds_id, kind, approved, funded)
  SELECT ?1, f.id, t.value->>1, CASE WHEN ?3 THEN t.value->>2 ELSE 0 END, CASE WHEN ?4 THEN t.value->>2 ELSE 0 END
  FROM json_each(?2) AS t JOIN fonds AS f ON f.project_id = ?1 AND f.code = t.value->>0
  WHERE true
  ON CONFLICT (fonds_id, kind) DO UPDATE SET
    approved = CASE WHEN ?3 THEN excluded.approved ELSE plan_targets.approved END,
    funded = CASE WHEN ?4 THEN excluded.funded ELSE plan_targets.funded END`;

export const projectRoutes = router()
  // The dashboard's preview: the same parser as the import, and nothing written, so what an administrator
  // confirms is exactly what the import will store. Errors are an answer here, not a failure (200).
  .post("/projects/:projectId/plan/preview", zValidator("param", ProjectIdParam), zValidator("json", PlanImportSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { table, format } = c.req.valid("json");
    await requireProject(c.env.DB, projectId);
    const parsed = parsePlanTable(table, { format });
    if (!parsed.ok) return c.json({ ok: false as const, errors: parsed.errors }, 200);
    return c.json({ ok: true as const, kinds: parsed.kinds, totals: parsed.totals, rows: parsed.rows.map((r) => ({ line: r.line, code: r.code, name: r.name, amounts: r.amounts as Record<string, number> })) }, 200);
  })
  .post("/projects/:projectId/plan/import", zValidator("param", ProjectIdParam), zValidator("json", PlanImportSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { table, target, format } = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const parsed = parsePlanTable(table, { format });
    if (!parsed.ok) throw new ApiError(400, "validation_failed", "Bảng kế hoạch có lỗi; chưa ghi gì (plan table has errors; nothing imported)", parsed.errors);
    const fondsJson = JSON.stringify(parsed.rows.map((r, i) => [r.code, r.name, i + 1]));
    const targetsJson = JSON.stringify(parsed.rows.flatMap((r) => Object.entries(r.amounts).map(([kind, amount]) => [r.code, kind, amount])));
    const before = (await roomFor(c.env, projectId).snapshot(true))?.fonds ?? [];
    // One batch = one transaction: the plan and its audit entry are written whole or not at all.
    await c.env.DB.batch([
      c.env.DB.prepare(UPSERT_FONDS).bind(projectId, fondsJson),
      c.env.DB.prepare(UPSERT_TARGETS).bind(projectId, targetsJson, target !== "funded" ? 1 : 0, target !== "approved" ? 1 : 0),
      auditStatement(c.env.DB, c.var.principal, {
        action: "plan.import",
        target: `${projectId} (${target})`,
        provinceId: project.provinceId,
        projectId,
        before,
        after: parsed.rows.map((r) => ({ code: r.code, name: r.name, amounts: r.amounts })),
      }),
    ]);
    await roomFor(c.env, projectId).reload();
    return c.json({ fonds: parsed.rows.length, kinds: parsed.kinds, totals: parsed.totals }, 200);
  })
  .patch("/projects/:projectId/fonds/:fondsCode", zValidator("param", FondsParams), zValidator("json", FondsUpdateSchema), async (c) => {
    const { projectId, fondsCode } = c.req.valid("param");
    const change = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const db = drizzle(c.env.DB);
    const where = and(eq(fonds.projectId, projectId), eq(fonds.code, fondsCode));
    const [before] = await db.select().from(fonds).where(where);
    if (!before) throw new ApiError(404, "not_found", "Không có phông này (unknown fonds)");
    await commitChange(c, project, [db.update(fonds).set(change).where(where)], { action: "fonds.update", target: fondsCode, before, after: { ...before, ...change } });
    return c.json({ ...before, ...change }, 200);
  });
