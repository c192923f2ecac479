// The alert history of a project as one timeline: transitions with their values, acknowledgements and
// silences with who and why, and what was delivered where. Per project, or per alert (ruleId + scope),
// filtered by state and time. Every entry passes alertForAudience (worker/live/visibility.ts).
import { and, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { AlertHistoryQuery, ProjectIdParam } from "../../schema/api";
import { alertActions, alertTransitions, contactPoints, webhookDeliveries } from "../../schema/db";
import { audienceOf } from "../lib/audience";
import { router } from "../lib/app-env";
import { zValidator } from "../lib/validator";
import { alertForAudience } from "../live/visibility";

const LIMIT = 500;

export type HistoryEntry =
  | { type: "transition"; at: number; ruleId: string; scope: string; from: string; to: string; values: Record<string, unknown> }
  | { type: "action"; at: number; ruleId: string; scope: string; action: "ack" | "silence" | "unsilence"; by: string; comment: string; until: number | null }
  | { type: "delivery"; at: number; ruleId: string | null; contactPoint: { id: string; name: string; type: string } | null; kind: string; alerts: number; attempt: number; status: number | null; error: string | null };

export const alertHistoryRoutes = router().get("/projects/:projectId/alerts/history", zValidator("param", ProjectIdParam), zValidator("query", AlertHistoryQuery), async (c) => {
  const { projectId } = c.req.valid("param");
  const q = c.req.valid("query");
  const db = drizzle(c.env.DB);
  const within = <T extends { at: SQL.Aliased | Parameters<typeof gte>[0] }>(col: T["at"]) => [q.from === undefined ? undefined : gte(col as never, q.from), q.to === undefined ? undefined : lte(col as never, q.to)];
  const [transitions, actions, deliveries, cps] = await db.batch([
    db
      .select()
      .from(alertTransitions)
      .where(and(eq(alertTransitions.projectId, projectId), q.ruleId ? eq(alertTransitions.ruleId, q.ruleId) : undefined, q.scope ? eq(alertTransitions.scope, q.scope) : undefined, q.state ? eq(alertTransitions.toState, q.state) : undefined, ...within(alertTransitions.at)))
      .orderBy(desc(alertTransitions.id))
      .limit(LIMIT),
    db
      .select()
      .from(alertActions)
      .where(and(eq(alertActions.projectId, projectId), q.ruleId ? eq(alertActions.ruleId, q.ruleId) : undefined, q.scope ? eq(alertActions.scope, q.scope) : undefined, ...within(alertActions.at)))
      .orderBy(desc(alertActions.at))
      .limit(LIMIT),
    db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.projectId, projectId), q.ruleId ? eq(webhookDeliveries.ruleId, q.ruleId) : undefined, ...within(webhookDeliveries.at)))
      .orderBy(desc(webhookDeliveries.id))
      .limit(LIMIT),
    db.select({ id: contactPoints.id, name: contactPoints.name, type: contactPoints.type }).from(contactPoints).where(eq(contactPoints.projectId, projectId)),
  ]);
  const audience = await audienceOf(c, projectId);
  const cpById = new Map(cps.map((cp) => [cp.id, cp]));
  const entries: HistoryEntry[] = [
    ...transitions.flatMap((t) => {
      const values = alertForAudience(t.scope, (t.values ?? {}) as Record<string, unknown>, audience);
      return values === null ? [] : [{ type: "transition" as const, at: t.at, ruleId: t.ruleId, scope: t.scope, from: t.fromState, to: t.toState, values }];
    }),
    // A state filter is about transitions; acknowledgements and deliveries are shown with them otherwise.
    ...(q.state
      ? []
      : actions.flatMap((a) =>
          alertForAudience(a.scope, {}, audience) === null ? [] : [{ type: "action" as const, at: a.at, ruleId: a.ruleId, scope: a.scope, action: a.action, by: a.by, comment: a.comment, until: a.until }],
        )),
    ...(q.state || q.scope
      ? []
      : deliveries.map((d) => ({ type: "delivery" as const, at: d.at, ruleId: d.ruleId, contactPoint: cpById.get(d.contactPointId) ?? null, kind: d.kind, alerts: d.alerts, attempt: d.attempt, status: d.status, error: d.error }))),
  ];
  entries.sort((a, b) => b.at - a.at);
  return c.json({ entries: entries.slice(0, LIMIT) });
});
