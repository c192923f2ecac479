// The alert history of a project as one timeline: transitions with their values, acknowledgements and
// silences with who and why, and what was delivered where. Per project, or per alert (ruleId + scope: the
// deliveries that carried it), filtered by state, by who acted and by time. Every entry passes
// alertForAudience (worker/live/visibility.ts).
import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { AlertHistoryQuery, ProjectIdParam, type HistoryEntry } from "../../schema/api";
import { alertActions, alertTransitions, contactPoints, webhookDeliveries } from "../../schema/db";
import { audienceOf } from "../lib/audience";
import { router } from "../lib/app-env";
import { zValidator } from "../lib/validator";
import { alertForAudience } from "../live/visibility";

const LIMIT = 500;

export const alertHistoryRoutes = router().get("/projects/:projectId/alerts/history", zValidator("param", ProjectIdParam), zValidator("query", AlertHistoryQuery), async (c) => {
  const { projectId } = c.req.valid("param");
  const q = c.req.valid("query");
  const db = drizzle(c.env.DB);
  const within = <T extends { at: SQL.Aliased | Parameters<typeof gte>[0] }>(col: T["at"]) => [q.from === undefined ? undefined : gte(col as never, q.from), q.to === undefined ? undefined : lte(col as never, q.to)];
  const [transitions, actions, deliveries, cps, people] = await db.batch([
    db
      .select()
      .from(alertTransitions)
      .where(and(eq(alertTransitions.projectId, projectId), q.ruleId ? eq(alertTransitions.ruleId, q.ruleId) : undefined, q.scope ? eq(alertTransitions.scope, q.scope) : undefined, q.state ? eq(alertTransitions.toState, q.state) : undefined, ...within(alertTransitions.at)))
      .orderBy(desc(alertTransitions.id))
      .limit(LIMIT),
    db
      .select()
      .from(alertActions)
      .where(and(eq(alertActions.projectId, projectId), q.ruleId ? eq(alertActions.ruleId, q.ruleId) : undefined, q.scope ? eq(alertActions.scope, q.scope) : undefined, q.by ? eq(alertActions.by, q.by) : undefined, ...within(alertActions.at)))
      .orderBy(desc(alertActions.at))
      .limit(LIMIT),
    db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.projectId, projectId),
          q.ruleId ? eq(webhookDeliveries.ruleId, q.ruleId) : undefined,
          // One alert: the messages that carried it.
          q.scope ? sql`exists (select 1 from json_each(${webhookDeliveries.scopes}) where value = ${q.scope})` : undefined,
          ...within(webhookDeliveries.at),
        ),
      )
      .orderBy(desc(webhookDeliveries.id))
      .limit(LIMIT),
    db.select({ id: contactPoints.id, name: contactPoints.name, type: contactPoints.type }).from(contactPoints).where(eq(contactPoints.projectId, projectId)),
    // Everyone who has acted on the project's alerts, for the "who" filter.
    db.selectDistinct({ by: alertActions.by }).from(alertActions).where(eq(alertActions.projectId, projectId)).orderBy(asc(alertActions.by)).limit(LIMIT),
  ]);
  const audience = await audienceOf(c, projectId);
  const seen = (scope: string) => alertForAudience(scope, {}, audience) !== null;
  const cpById = new Map(cps.map((cp) => [cp.id, cp]));
  const transitionEntries = q.by
    ? [] // a "who" filter is about actions: transitions and deliveries are nobody's
    : transitions.flatMap((t) => {
        const values = alertForAudience(t.scope, (t.values ?? {}) as Record<string, unknown>, audience);
        return values === null ? [] : [{ type: "transition" as const, at: t.at, ruleId: t.ruleId, scope: t.scope, from: t.fromState, to: t.toState, values }];
      });
  // A state filter is about transitions; acknowledgements and deliveries are shown with them otherwise.
  const actionEntries = q.state ? [] : actions.flatMap((a) => (seen(a.scope) ? [{ type: "action" as const, at: a.at, ruleId: a.ruleId, scope: a.scope, action: a.action, by: a.by, comment: a.comment, until: a.until }] : []));
  const deliveryEntries =
    q.state || q.by
      ? []
      : deliveries.map((d) => ({ type: "delivery" as const, at: d.at, ruleId: d.ruleId, scopes: d.scopes.filter(seen), contactPoint: cpById.get(d.contactPointId) ?? null, kind: d.kind, alerts: d.alerts, attempt: d.attempt, status: d.status, error: d.error }));
  // Newest first; in the same millisecond a message follows the transition that caused it (the sort is stable).
  const entries: HistoryEntry[] = [...actionEntries, ...deliveryEntries, ...transitionEntries];
  entries.sort((a, b) => b.at - a.at);
  return c.json({ entries: entries.slice(0, LIMIT), people: people.map((p) => p.by) });
});
