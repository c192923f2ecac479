// The audit log, read-only: there is no route that edits it and the database refuses to (migration 0003).
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { AuditQuery, ProjectIdParam, ProvinceIdParam } from "../../schema/api";
import { auditLog } from "../../schema/db";
import { router } from "../lib/app-env";
import { zValidator } from "../lib/validator";

const PAGE = 100;

async function page(d1: D1Database, scope: SQL, before?: number) {
  const rows = await drizzle(d1)
    .select()
    .from(auditLog)
    .where(before ? and(scope, lt(auditLog.id, before)) : scope)
    .orderBy(desc(auditLog.id))
    .limit(PAGE);
  return { entries: rows, next: rows.length === PAGE ? rows[rows.length - 1]!.id : null };
}

export const auditRoutes = router()
  .get("/provinces/:provinceId/audit", zValidator("param", ProvinceIdParam), zValidator("query", AuditQuery), async (c) =>
    c.json(await page(c.env.DB, eq(auditLog.provinceId, c.req.valid("param").provinceId), c.req.valid("query").before)),
  )
  .get("/projects/:projectId/audit", zValidator("param", ProjectIdParam), zValidator("query", AuditQuery), async (c) =>
    c.json(await page(c.env.DB, eq(auditLog.projectId, c.req.valid("param").projectId), c.req.valid("query").before)),
  );
