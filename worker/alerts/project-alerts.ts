// The alert side of a project's Durable Object: builds the evaluation context from the live store,
// runs the rules and keeps each instance's lifecycle, sends the webhooks that are due, and exposes the
// current instances for the feed. worker/live/room.ts owns one; the rules themselves are evaluate.ts.
import { addDays } from "../../schema/calendar";
import type { AlertRuleType } from "../../schema/db";
import { dayInZone } from "../../schema/time";
import type { AlertView } from "../../schema/wire";
import type { ProjectPlan } from "../live/plan";
import type { LiveStore } from "../live/store";
import { alertForAudience, type Audience } from "../live/visibility";
import type { AlertConfig } from "./config";
import { evaluateRules, type EvalContext } from "./evaluate";
import { notifies, step } from "./lifecycle";
import { MAX_ATTEMPTS, payloadFor, post, retryDelayMs } from "./webhooks";
import { AlertStore } from "./store";

/** Calendar days of daily totals read for the current rate (covers 10 working days with holidays). */
const RATE_LOOKBACK_DAYS = 30;

export class ProjectAlerts {
  readonly store: AlertStore;

  constructor(sql: SqlStorage) {
    this.store = new AlertStore(sql);
  }

  context(live: LiveStore, plan: ProjectPlan, config: AlertConfig, now: number): EvalContext {
    const tz = plan.project.timeZone;
    const today = dayInZone(now, tz);
    const totals = new Map(live.fondsTotals([]).map((t) => [`${t.fonds}/${t.kind}`, t.amount]));
    const daily = new Map<string, { day: string; amount: number }[]>();
    for (const d of live.dailyByFonds(addDays(today, -RATE_LOOKBACK_DAYS))) {
      const k = `${d.fonds}/${d.kind}`;
      daily.set(k, [...(daily.get(k) ?? []), { day: d.day, amount: d.amount }]);
    }
    const seen = live.stationsLastPost();
    return {
      now,
      today,
      timeZone: tz,
      cal: plan.calendar,
      hours: config.hours,
      periodStart: plan.project.periodStart,
      periodEnd: plan.project.periodEnd,
      fonds: plan.fonds,
      totals,
      daily,
      stations: plan.stations.map((s) => ({ id: s.id, name: s.name, lastPostAt: seen.get(s.id) ?? null })),
    };
  }

  /** Returns true when an instance changed state. */
  evaluate(live: LiveStore, plan: ProjectPlan, config: AlertConfig, now: number): boolean {
    if (config.rules.length === 0) return false;
    return runRules(this.store, config, this.context(live, plan, config, now));
  }

  deliver(plan: ProjectPlan, config: AlertConfig, audience: Audience, now: number): Promise<void> {
    return deliverDue(this.store, config, { id: plan.project.id, name: plan.project.name }, audience, now);
  }

  /** Instances that are not normal, for watchers (restricted fonds filtered by the caller). */
  view(config: AlertConfig): AlertView[] {
    const types = new Map<string, AlertRuleType>(config.rules.map((r) => [r.id, r.type]));
    return this.store
      .instances()
      .filter((i) => i.state !== "normal")
      .map((i) => ({ ruleId: i.ruleId, ruleType: types.get(i.ruleId) ?? "behind_schedule", scope: i.scope, state: i.state, since: i.since, values: i.values, ack: i.ack, silencedUntil: i.silencedUntil }));
  }
}

/** Applies one evaluation round; returns whether any instance changed state (watchers must hear of it). */
export function runRules(store: AlertStore, config: AlertConfig, ctx: EvalContext): boolean {
  const rules = new Map(config.rules.map((r) => [r.id, r]));
  store.prune(new Set(rules.keys()));
  const current = new Map(store.instances().map((i) => [`${i.ruleId}\u0000${i.scope}`, i]));
  let changed = false;
  for (const e of evaluateRules(config.rules, ctx)) {
    const prev = current.get(`${e.ruleId}\u0000${e.scope}`);
    if (!prev && !e.condition) continue; // nothing to remember about a healthy instance that never fired
    const { next, transition } = step(prev, e.condition, e.values, ctx.now, (rules.get(e.ruleId)?.pendingMinutes ?? 0) * 60_000);
    store.save(e.ruleId, e.scope, next, transition !== null);
    if (!transition) continue;
    changed = true;
    const id = store.addTransition(e.ruleId, e.scope, transition);
    const silenced = (prev?.silencedUntil ?? 0) > ctx.now;
    if (notifies(transition) && !silenced) store.enqueue(id, config.contactPoints.map((c) => c.id), ctx.now);
  }
  return changed;
}

/** Sends every due notification once; failures are rescheduled with backoff, all attempts logged. */
export async function deliverDue(
  store: AlertStore,
  config: AlertConfig,
  project: { id: string; name: string },
  audience: Audience,
  now: number,
): Promise<void> {
  const cps = new Map(config.contactPoints.map((c) => [c.id, c]));
  const types = new Map<string, AlertRuleType>(config.rules.map((r) => [r.id, r.type]));
  for (const n of store.dueNotifications(now)) {
    const cp = cps.get(n.contactPoint);
    const t = store.transition(n.transitionId);
    if (!cp || !t) {
      store.recordAttempt(n, null, "contact point or transition removed", now, null);
      continue;
    }
    const values = alertForAudience(t.scope, t.values, audience);
    if (values === null) {
      // About a restricted fonds: never leaves for an outside channel; the log says why.
      store.recordAttempt(n, null, "withheld: restricted fonds", now, null);
      continue;
    }
    const result = await post(cp, payloadFor(project, types.get(t.ruleId) ?? "unknown", { ...t, values }), `${project.id}-${t.id}-${cp.id}`);
    const attempts = n.attempts + 1;
    // `now` (not the wall clock) so a test can drive retries with its own clock.
    const retryAt = result.ok || attempts >= MAX_ATTEMPTS ? null : now + retryDelayMs(attempts);
    store.recordAttempt(n, result.status, result.error, now, retryAt);
  }
}
