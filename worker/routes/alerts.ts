// Alert rules and the alerts themselves: list, acknowledge, silence and unsilence (one or a group at once, one path);
// contact points and history in their own files, mounted here.
// Rules run in the project's Durable Object (worker/alerts); this file only edits their settings.
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { AlertActionSchema, AlertRulePatchSchema, AlertRuleSchema, ProjectIdParam, RuleParams, SilenceSchema } from "../../schema/api";
import { alertActions, alertRules } from "../../schema/db";
import type { AlertRef } from "../alerts/store";
import { alertHistoryRoutes } from "./alert-history";
import { contactPointRoutes } from "./contact-points";
import { seesRestricted, type Principal } from "../auth/policy";
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

type Room = ReturnType<typeof roomFor>;

/**
 * Acknowledge, silence or unsilence one alert or a group, all or nothing: the project's object applies it
 * (404 and nothing changed when one of them is not in a state for it), then D1 keeps it as history; a
 * silence and an unsilence, which stop or restart notifications, go to the audit log too.
 */
async function actOn(
  env: Env,
  principal: Principal,
  projectId: string,
  body: Targets & { comment: string },
  a: { action: "ack" | "silence" | "unsilence"; notFound: string; until?: (now: number) => number; apply: (room: Room, refs: AlertRef[], by: string, comment: string, now: number, until: number | null) => Promise<boolean> },
): Promise<{ count: number; until: number | null }> {
  const refs = refsOf(body);
  const project = await requireProject(env.DB, projectId);
  const by = actorOf(principal).name;
  const now = Date.now();
  const until = a.until?.(now) ?? null;
  if (!(await a.apply(roomFor(env, projectId), refs, by, body.comment, now, until))) throw new ApiError(404, "not_found", a.notFound, { alerts: refs });
  await recordActions(env.DB, projectId, refs, { action: a.action, by, comment: body.comment, until, at: now });
  if (a.action !== "ack") {
    await auditInsert(env.DB, principal, { action: `alert.${a.action}`, target: refs.map((r) => `${r.ruleId} ${r.scope}`).join(", ").slice(0, 500), provinceId: project.provinceId, projectId, after: { ...(until === null ? {} : { until }), comment: body.comment, count: refs.length } });
  }
  return { count: refs.length, until };
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
    const { count } = await actOn(c.env, c.var.principal, c.req.valid("param").projectId, c.req.valid("json"), {
      action: "ack",
      notFound: "Không có cảnh báo đang bật này (no firing alert)",
      apply: (room, refs, by, comment, now) => room.acknowledge(refs, by, comment, now),
    });
    return c.json({ ok: true, count });
  })
  .post("/projects/:projectId/alerts/silence", zValidator("param", ProjectIdParam), zValidator("json", SilenceSchema), async (c) => {
    const body = c.req.valid("json");
    const { count, until } = await actOn(c.env, c.var.principal, c.req.valid("param").projectId, body, {
      action: "silence",
      until: (now) => now + body.minutes * 60_000,
      notFound: "Không có cảnh báo này (no such alert)",
      apply: (room, refs, by, comment, now, until) => room.silence(refs, by, comment, until!, now),
    });
    return c.json({ ok: true, until, count });
  })
  .post("/projects/:projectId/alerts/unsilence", zValidator("param", ProjectIdParam), zValidator("json", AlertActionSchema), async (c) => {
    const { count } = await actOn(c.env, c.var.principal, c.req.valid("param").projectId, c.req.valid("json"), {
      action: "unsilence",
      notFound: "Không có cảnh báo đang tạm tắt này (no silenced alert)",
      apply: (room, refs, _by, _comment, now) => room.unsilence(refs, now),
    });
    return c.json({ ok: true, count });
  })
  .route("/", contactPointRoutes)
  .route("/", alertHistoryRoutes);
