// Project setup by administrators: projects, plan import, stations. Every change reaches the project's
// Durable Object through reload(), so watchers see a new plan or station at once.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { PlanImportSchema, ProjectCreateSchema, ProjectIdParam, StationCreateSchema } from "../../schema/api";
import { projects, provinces, stations } from "../../schema/db";
import { router, roomFor } from "../lib/app-env";
import { newToken, requireAdmin, sha256Hex } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";
import { parsePlanTable } from "../plan/import";

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

async function requireProject(d1: D1Database, projectId: string) {
  const [row] = await drizzle(d1).select().from(projects).where(eq(projects.id, projectId));
  if (!row) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
  return row;
}

export const projectRoutes = router()
  .use("/projects", requireAdmin)
  .use("/projects/:projectId/plan/*", requireAdmin)
  .use("/projects/:projectId/stations", requireAdmin)
  .post("/projects", zValidator("json", ProjectCreateSchema), async (c) => {
    const body = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const [province] = await db.select().from(provinces).where(eq(provinces.id, body.provinceId));
    if (!province) throw new ApiError(400, "validation_failed", "Không có tỉnh này (unknown province)", [{ path: "provinceId", message: "unknown" }]);
    const { id, ...rest } = body;
    const [row] = await db.insert(projects).values(body).onConflictDoUpdate({ target: projects.id, set: rest }).returning();
    await roomFor(c.env, id).reload();
    return c.json(row, 201);
  })
  .post("/projects/:projectId/plan/import", zValidator("param", ProjectIdParam), zValidator("json", PlanImportSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { table, target, format } = c.req.valid("json");
    await requireProject(c.env.DB, projectId);
    const parsed = parsePlanTable(table, { format });
    if (!parsed.ok) throw new ApiError(400, "validation_failed", "Bảng kế hoạch có lỗi; chưa ghi gì (plan table has errors; nothing imported)", parsed.errors);
    const fondsJson = JSON.stringify(parsed.rows.map((r, i) => [r.code, r.name, i + 1]));
    const targetsJson = JSON.stringify(parsed.rows.flatMap((r) => Object.entries(r.amounts).map(([kind, amount]) => [r.code, kind, amount])));
    // One batch = one transaction: the plan is replaced whole or not at all.
    await c.env.DB.batch([
      c.env.DB.prepare(UPSERT_FONDS).bind(projectId, fondsJson),
      c.env.DB.prepare(UPSERT_TARGETS).bind(projectId, targetsJson, target !== "funded" ? 1 : 0, target !== "approved" ? 1 : 0),
    ]);
    await roomFor(c.env, projectId).reload();
    return c.json({ fonds: parsed.rows.length, kinds: parsed.kinds, totals: parsed.totals }, 200);
  })
  .post("/projects/:projectId/stations", zValidator("param", ProjectIdParam), zValidator("json", StationCreateSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { name } = c.req.valid("json");
    await requireProject(c.env.DB, projectId);
    const token = newToken("st");
    const id = crypto.randomUUID();
    await drizzle(c.env.DB).insert(stations).values({ id, projectId, name, tokenHash: await sha256Hex(token) });
    await roomFor(c.env, projectId).reload();
    // The token is shown here once; only its hash is kept.
    return c.json({ id, name, projectId, token }, 201);
  });
