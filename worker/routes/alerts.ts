// Alert rules, contact points, and the alerts themselves: list, acknowledge, silence, history.
// Rules run in the project's Durable Object (worker/alerts); this file only edits their settings.
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { AlertActionSchema, AlertRulePatchSchema, AlertRuleSchema, ContactPointParams, ContactPointSchema, ProjectIdParam, RuleParams, SilenceSchema } from "../../schema/api";
import { alertRules, alertTransitions, contactPoints, webhookDeliveries } from "../../schema/db";
import { seesRestricted } from "../auth/policy";
import { commitChange } from "../lib/admin-change";
import { alertForAudience, visibleBy } from "../live/visibility";
import { audienceOf } from "../lib/audience";
import { auditInsert } from "../lib/audit";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { actorOf } from "../lib/actor";
import { zValidator } from "../lib/validator";
import { requireProject } from "../lib/project";

async function findRule(d1: D1Database, projectId: string, ruleId: string) {
  const project = await requireProject(d1, projectId);
  const where = and(eq(alertRules.id, ruleId), eq(alertRules.projectId, projectId));
  const [before] = await drizzle(d1).select().from(alertRules).where(where);
  if (!before) throw new ApiError(404, "not_found", "Không có quy tắc này (unknown rule)");
  return { project, before, where };
}

export const alertRoutes = router()
  .get("/projects/:projectId/alert-rules", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const rules = await drizzle(c.env.DB).select().from(alertRules).where(eq(alertRules.projectId, projectId));
    return c.json({ rules: visibleBy(rules, await audienceOf(c, projectId), (r) => r.fonds) });
  })
  .post("/projects/:projectId/alert-rules", zValidator("param", ProjectIdParam), zValidator("json", AlertRuleSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const rule = { id: crypto.randomUUID(), projectId, ...c.req.valid("json") };
    const db = drizzle(c.env.DB);
    await commitChange(c, project, [db.insert(alertRules).values(rule)], { action: "alert_rule.create", target: rule.id, after: rule });
    return c.json(rule, 201);
  })
  .patch("/projects/:projectId/alert-rules/:ruleId", zValidator("param", RuleParams), zValidator("json", AlertRulePatchSchema), async (c) => {
    const { projectId, ruleId } = c.req.valid("param");
    const { project, before, where } = await findRule(c.env.DB, projectId, ruleId);
    const db = drizzle(c.env.DB);
    const after = { ...before, ...c.req.valid("json") };
    await commitChange(c, project, [db.update(alertRules).set(c.req.valid("json")).where(where)], { action: "alert_rule.update", target: ruleId, before, after });
    return c.json(after, 200);
  })
  .delete("/projects/:projectId/alert-rules/:ruleId", zValidator("param", RuleParams), async (c) => {
    const { projectId, ruleId } = c.req.valid("param");
    const { project, before, where } = await findRule(c.env.DB, projectId, ruleId);
    const db = drizzle(c.env.DB);
    await commitChange(c, project, [db.delete(alertRules).where(where)], { action: "alert_rule.delete", target: ruleId, before });
    return c.json({ ok: true });
  })
  .get("/projects/:projectId/contact-points", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    return c.json({ contactPoints: await drizzle(c.env.DB).select().from(contactPoints).where(eq(contactPoints.projectId, projectId)) });
  })
  .post("/projects/:projectId/contact-points", zValidator("param", ProjectIdParam), zValidator("json", ContactPointSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const cp = { id: crypto.randomUUID(), projectId, ...c.req.valid("json") };
    const db = drizzle(c.env.DB);
    await commitChange(c, project, [db.insert(contactPoints).values(cp)], { action: "contact_point.create", target: cp.id, after: cp });
    return c.json(cp, 201);
  })
  .delete("/projects/:projectId/contact-points/:contactPointId", zValidator("param", ContactPointParams), async (c) => {
    const { projectId, contactPointId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const db = drizzle(c.env.DB);
    const where = and(eq(contactPoints.id, contactPointId), eq(contactPoints.projectId, projectId));
    const [before] = await db.select().from(contactPoints).where(where);
    if (!before) throw new ApiError(404, "not_found", "Không có điểm nhận này (unknown contact point)");
    await commitChange(c, project, [db.delete(contactPoints).where(where)], { action: "contact_point.delete", target: contactPointId, before });
    return c.json({ ok: true });
  })
  .get("/projects/:projectId/deliveries", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const rows = await drizzle(c.env.DB).select().from(webhookDeliveries).where(eq(webhookDeliveries.projectId, projectId)).orderBy(desc(webhookDeliveries.id)).limit(200);
    return c.json({ deliveries: rows });
  })
  .get("/projects/:projectId/alerts", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    await requireProject(c.env.DB, projectId);
    return c.json({ alerts: await roomFor(c.env, projectId).alertList(seesRestricted(c.var.role)) });
  })
  .get("/projects/:projectId/alerts/history", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const rows = await drizzle(c.env.DB).select().from(alertTransitions).where(eq(alertTransitions.projectId, projectId)).orderBy(desc(alertTransitions.id)).limit(500);
    const audience = await audienceOf(c, projectId);
    return c.json({
      transitions: rows.flatMap((t) => {
        const values = alertForAudience(t.scope, (t.values ?? {}) as Record<string, unknown>, audience);
        return values === null ? [] : [{ ...t, values }];
      }),
    });
  })
  .post("/projects/:projectId/alerts/ack", zValidator("param", ProjectIdParam), zValidator("json", AlertActionSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { ruleId, scope, comment } = c.req.valid("json");
    const ok = await roomFor(c.env, projectId).acknowledge(ruleId, scope, actorOf(c.var.principal).name, comment, Date.now());
    if (!ok) throw new ApiError(404, "not_found", "Không có cảnh báo đang bật này (no active alert)");
    return c.json({ ok: true });
  })
  .post("/projects/:projectId/alerts/silence", zValidator("param", ProjectIdParam), zValidator("json", SilenceSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { ruleId, scope, minutes, comment } = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const until = Date.now() + minutes * 60_000;
    const ok = await roomFor(c.env, projectId).silence(ruleId, scope, until);
    if (!ok) throw new ApiError(404, "not_found", "Không có cảnh báo này (no such alert)");
    await auditInsert(c.env.DB, c.var.principal, { action: "alert.silence", target: `${ruleId} ${scope}`, provinceId: project.provinceId, projectId, after: { until, comment } });
    return c.json({ ok: true, until });
  });
