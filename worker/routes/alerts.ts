// Alert rules and the alerts themselves: list, acknowledge, silence and unsilence (one or a group at once);
// contact points and history in their own files, mounted here.
// Rules run in the project's Durable Object (worker/alerts); this file only edits their settings.
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { AlertActionSchema, AlertRulePatchSchema, AlertRuleSchema, ProjectIdParam, RuleParams, SilenceSchema } from "../../schema/api";
import { alertActions, alertRules } from "../../schema/db";
import type { AlertRef } from "../alerts/store";
import { alertHistoryRoutes } from "./alert-history";
import { contactPointRoutes } from "./contact-points";
import { seesRestricted } from "../auth/policy";
import { commitChange } from "../lib/admin-change";
import { visibleBy } from "../live/visibility";
import { audienceOf } from "../lib/audience";
import { auditInsert } from "../lib/audit";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { actorOf } from "../lib/actor";
import { zValidator } from "../lib/validator";
import { requireProject } from "../lib/project";

type Targets = { ruleId?: string; scope?: string; alerts?: AlertRef[] };

/** One alert or a list (schema/api.ts AlertTargets), as one list. */
const refsOf = (t: Targets): AlertRef[] => t.alerts ?? [{ ruleId: t.ruleId!, scope: t.scope! }];

/** Acknowledgements and silences become history entries next to the transitions (worker/routes/alert-history.ts). */
function recordActions(d1: D1Database, projectId: string, refs: readonly AlertRef[], a: Omit<typeof alertActions.$inferInsert, "id" | "projectId" | "ruleId" | "scope">) {
  const db = drizzle(d1);
  const rows = refs.map((r) => ({ id: crypto.randomUUID(), projectId, ruleId: r.ruleId, scope: r.scope, ...a }));
  // 100 bound parameters per statement in D1: nine columns a row, so ten rows a statement.
  const chunks = Array.from({ length: Math.ceil(rows.length / 10) }, (_, i) => db.insert(alertActions).values(rows.slice(i * 10, i * 10 + 10)));
  return db.batch(chunks as [(typeof chunks)[number], ...(typeof chunks)[number][]]);
}

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
  .get("/projects/:projectId/alerts", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    await requireProject(c.env.DB, projectId);
    return c.json({ alerts: await roomFor(c.env, projectId).alertList(seesRestricted(c.var.role)) });
  })
  .post("/projects/:projectId/alerts/ack", zValidator("param", ProjectIdParam), zValidator("json", AlertActionSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const body = c.req.valid("json");
    const refs = refsOf(body);
    const by = actorOf(c.var.principal).name;
    const now = Date.now();
    const ok = await roomFor(c.env, projectId).acknowledge(refs, by, body.comment, now);
    if (!ok) throw new ApiError(404, "not_found", "Không có cảnh báo đang bật này (no firing alert)", { alerts: refs });
    await recordActions(c.env.DB, projectId, refs, { action: "ack", by, comment: body.comment, until: null, at: now });
    return c.json({ ok: true, count: refs.length });
  })
  .post("/projects/:projectId/alerts/silence", zValidator("param", ProjectIdParam), zValidator("json", SilenceSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const body = c.req.valid("json");
    const refs = refsOf(body);
    const project = await requireProject(c.env.DB, projectId);
    const by = actorOf(c.var.principal).name;
    const now = Date.now();
    const until = now + body.minutes * 60_000;
    const ok = await roomFor(c.env, projectId).silence(refs, by, body.comment, until, now);
    if (!ok) throw new ApiError(404, "not_found", "Không có cảnh báo này (no such alert)", { alerts: refs });
    await recordActions(c.env.DB, projectId, refs, { action: "silence", by, comment: body.comment, until, at: now });
    await auditInsert(c.env.DB, c.var.principal, { action: "alert.silence", target: refs.map((r) => `${r.ruleId} ${r.scope}`).join(", ").slice(0, 500), provinceId: project.provinceId, projectId, after: { until, comment: body.comment, count: refs.length } });
    return c.json({ ok: true, until, count: refs.length });
  })
  .post("/projects/:projectId/alerts/unsilence", zValidator("param", ProjectIdParam), zValidator("json", AlertActionSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const body = c.req.valid("json");
    const refs = refsOf(body);
    const project = await requireProject(c.env.DB, projectId);
    const by = actorOf(c.var.principal).name;
    const now = Date.now();
    const ok = await roomFor(c.env, projectId).unsilence(refs, now);
    if (!ok) throw new ApiError(404, "not_found", "Không có cảnh báo đang tạm tắt này (no silenced alert)", { alerts: refs });
    await recordActions(c.env.DB, projectId, refs, { action: "unsilence", by, comment: body.comment, until: null, at: now });
    await auditInsert(c.env.DB, c.var.principal, { action: "alert.unsilence", target: refs.map((r) => `${r.ruleId} ${r.scope}`).join(", ").slice(0, 500), provinceId: project.provinceId, projectId, after: { comment: body.comment, count: refs.length } });
    return c.json({ ok: true, count: refs.length });
  })
  .route("/", contactPointRoutes)
  .route("/", alertHistoryRoutes);
