// The alert side of a project's Durable Object: builds the evaluation context from the live store,
// runs the rules and keeps each instance's lifecycle, sends the group messages that are due
// (deliver.ts), and exposes the current instances for the feed. worker/live/room.ts owns one; the rules
// themselves are evaluate.ts.
import { addDays } from "../../schema/calendar";
import type { AlertRuleType } from "../../schema/db";
import { dayInZone } from "../../schema/time";
import type { AlertView } from "../../schema/wire";
import type { ProjectPlan } from "../live/plan";
import type { LiveStore } from "../live/store";
import { alertForAudience, type Audience } from "../live/visibility";
import type { Mailer } from "./channels";
import type { AlertConfig } from "./config";
import { deliverDue, sendTest, type DeliveryContext, type DeliveryPoint } from "./deliver";
import { evaluateRules, type EvalContext } from "./evaluate";
import { notifies, step } from "./lifecycle";
import type { TextContext } from "./message-text";
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

  private deliveryContext(plan: ProjectPlan, config: AlertConfig, audience: Audience, mailer: Mailer | null): DeliveryContext {
    return {
      project: { id: plan.project.id, name: plan.project.name },
      ruleTypes: new Map(config.rules.map((r) => [r.id, r.type])),
      contactPoints: config.contactPoints,
      audience,
      text: textContext(plan),
      calendar: plan.calendar,
      hours: config.hours,
      mailer,
    };
  }

  /** Returns when the next message is due, if one is waiting (group wait, interval, mute or retry). */
  deliver(plan: ProjectPlan, config: AlertConfig, audience: Audience, mailer: Mailer | null, now: number): Promise<number | null> {
    return deliverDue(this.store, this.deliveryContext(plan, config, audience, mailer), now);
  }

  test(plan: ProjectPlan, config: AlertConfig, cp: DeliveryPoint, audience: Audience, mailer: Mailer | null, now: number) {
    return sendTest(this.store, this.deliveryContext(plan, config, audience, mailer), cp, now);
  }

  /** Instances that are not normal, for watchers (restricted fonds filtered by the caller). */
  /** The alerts as an audience may see them (worker/live/visibility.ts): none about a hidden fonds. */
  viewFor(config: AlertConfig, audience: Audience): AlertView[] {
    return this.view(config).flatMap((a) => {
      const values = alertForAudience(a.scope, a.values, audience);
      return values === null ? [] : [{ ...a, values }];
    });
  }

  view(config: AlertConfig): AlertView[] {
    const rules = new Map(config.rules.map((r) => [r.id, r]));
    return this.store
      .instances()
      .filter((i) => i.state !== "normal")
      .map((i) => ({
        ruleId: i.ruleId,
        ruleType: rules.get(i.ruleId)?.type ?? ("behind_schedule" as AlertRuleType),
        scope: i.scope,
        state: i.state,
        since: i.since,
        values: i.values,
        ack: i.ack,
        silence: i.silence,
        clearedAt: i.clearedAt ?? null,
        keepFiringMinutes: rules.get(i.ruleId)?.keepFiringMinutes ?? 0,
      }));
  }
}

export function textContext(plan: ProjectPlan): TextContext {
  const fonds = new Map(plan.fonds.map((f) => [f.code, f.name]));
  const stations = new Map(plan.stations.map((s) => [s.id, s.name]));
  return { fondsName: (c) => fonds.get(c) ?? "", stationName: (id) => stations.get(id) ?? id, timeZone: plan.project.timeZone };
}

/** Applies one evaluation round; returns whether any instance changed state (watchers must hear of it). */
export function runRules(store: AlertStore, config: AlertConfig, ctx: EvalContext): boolean {
  const rules = new Map(config.rules.map((r) => [r.id, r]));
  store.prune(new Set(rules.keys()));
  const current = new Map(store.instances().map((i) => [`${i.ruleId}\u0000${i.scope}`, i]));
  let changed = false;
  for (const e of evaluateRules(config.rules, ctx)) {
    const prev = current.get(`${e.ruleId}\u0000${e.scope}`);
    if (!prev && !e.condition && !e.noData) continue; // nothing to remember about a healthy instance that never fired
    const rule = rules.get(e.ruleId);
    const { next, transition } = step(prev, { condition: e.condition, noData: e.noData, values: e.values, now: ctx.now, pendingMs: (rule?.pendingMinutes ?? 0) * 60_000, keepFiringMs: (rule?.keepFiringMinutes ?? 0) * 60_000 });
    store.save(e.ruleId, e.scope, next, transition !== null);
    if (!transition) continue;
    changed = true;
    const id = store.addTransition(e.ruleId, e.scope, transition);
    // Silenced: the state still changes (and is in the history); only the notification is not sent.
    const silenced = (prev?.silence?.until ?? 0) > ctx.now;
    if (notifies(transition) && !silenced) store.enqueue(id, e.ruleId, config.contactPoints.map((c) => c.id), ctx.now);
  }
  return changed;
}
