// The alert side of a project's Durable Object: builds the evaluation context from the live store,
// runs the rules, and exposes the current instances for the feed. worker/live/room.ts owns one.
import { addDays } from "../../schema/calendar";
import type { AlertRuleType } from "../../schema/db";
import { dayInZone } from "../../schema/time";
import type { AlertView } from "../../schema/wire";
import type { ProjectPlan } from "../live/plan";
import type { LiveStore } from "../live/store";
import type { Audience } from "../live/visibility";
import type { AlertConfig } from "./config";
import { deliverDue, runRules } from "./engine";
import type { EvalContext } from "./evaluate";
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
