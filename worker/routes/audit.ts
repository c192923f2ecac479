// The audit log, read-only: there is no route that edits it and the database refuses to (migration 0003).
import { and, desc, eq, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { z } from "zod";
import { AuditQuery, ProjectIdParam, ProvinceIdParam } from "../../schema/api";
import { auditLog } from "../../schema/db";
import { projectDayStart } from "../../schema/time";
import { router } from "../lib/app-env";
import { zValidator } from "../lib/validator";

const PAGE = 100;
/** LIKE with the searched text taken literally: % and _ typed by someone are not wildcards. */
const literal = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

export function auditFilters(q: z.infer<typeof AuditQuery>): (SQL | undefined)[] {
  return [
    q.before ? lt(auditLog.id, q.before) : undefined,
    q.who ? sql`${auditLog.actorName} LIKE ${`%${literal(q.who)}%`} ESCAPE '\\'` : undefined,
    q.action ? or(eq(auditLog.action, q.action), like(auditLog.action, `${q.action}.%`)) : undefined,
    // Audit days are read on the projects' clock, as the officials who search them live it.
    q.from ? gte(auditLog.at, projectDayStart(q.from)) : undefined,
    q.to ? lt(auditLog.at, projectDayStart(q.to) + 24 * 3600 * 1000) : undefined,
  ];
}

async function page(d1: D1Database, scope: SQL | undefined, q: z.infer<typeof AuditQuery>) {
  const rows = await drizzle(d1)
    .select()
    .from(auditLog)
    .where(and(scope, ...auditFilters(q)))
    .orderBy(desc(auditLog.id))
    .limit(PAGE);
  return { entries: rows, next: rows.length === PAGE ? rows[rows.length - 1]!.id : null };
}

export const auditRoutes = router()
  // A system administrator's view: every entry, those that belong to no province too (system-wide roles,
  // the accounts of people who work for several provinces).
  .get("/audit", zValidator("query", AuditQuery), async (c) => c.json(await page(c.env.DB, undefined, c.req.valid("query"))))
  .get("/provinces/:provinceId/audit", zValidator("param", ProvinceIdParam), zValidator("query", AuditQuery), async (c) =>
    c.json(await page(c.env.DB, eq(auditLog.provinceId, c.req.valid("param").provinceId), c.req.valid("query"))),
  )
  .get("/projects/:projectId/audit", zValidator("param", ProjectIdParam), zValidator("query", AuditQuery), async (c) =>
    c.json(await page(c.env.DB, eq(auditLog.projectId, c.req.valid("param").projectId), c.req.valid("query"))),
  );
