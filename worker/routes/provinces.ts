// Provinces and the leadership overview: every project of a province with live totals against plan.
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ProvinceCreateSchema, ProvinceIdParam } from "../../schema/api";
import { projects, provinces } from "../../schema/db";
import { router, roomFor } from "../lib/app-env";
import { requireAdmin } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";

export const provinceRoutes = router()
  .get("/provinces", async (c) => {
    const db = drizzle(c.env.DB);
    const [provinceRows, projectRows] = await db.batch([
      db.select().from(provinces).orderBy(asc(provinces.name)),
      db.select({ id: projects.id, provinceId: projects.provinceId, name: projects.name }).from(projects).orderBy(asc(projects.name)),
    ]);
    return c.json({
      provinces: provinceRows.map((p) => ({ id: p.id, name: p.name, projects: projectRows.filter((j) => j.provinceId === p.id) })),
    });
  })
  .post("/provinces", requireAdmin, zValidator("json", ProvinceCreateSchema), async (c) => {
    const body = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const [row] = await db.insert(provinces).values(body).onConflictDoUpdate({ target: provinces.id, set: { name: body.name } }).returning();
    return c.json(row, 201);
  })
  .get("/provinces/:provinceId/overview", zValidator("param", ProvinceIdParam), async (c) => {
    const { provinceId } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    const [province] = await db.select().from(provinces).where(eq(provinces.id, provinceId));
    if (!province) throw new ApiError(404, "not_found", "Không có tỉnh này (unknown province)");
    const rows = await db.select({ id: projects.id }).from(projects).where(eq(projects.provinceId, provinceId)).orderBy(asc(projects.name));
    // Live figures come from each project's Durable Object, in parallel; D1 may trail them by a flush.
    const summaries = await Promise.all(rows.map((p) => roomFor(c.env, p.id).summary()));
    return c.json({ province: { id: province.id, name: province.name }, projects: summaries.filter((s) => s !== null) });
  });
