// The three alert rules as one pure function of the project's state at an instant.
// The Durable Object feeds it from its SQLite (worker/alerts/engine.ts); no D1 round-trip per counter.
import type { WorkCalendar } from "../../schema/calendar";
import type { AlertRuleType } from "../../schema/db";
import { progressFigures, type PeriodTarget } from "../../schema/progress";
import { targetOf, type FondsPlan } from "../../schema/wire";
import type { AlertValues } from "./lifecycle";
import { isWorkingTime, workingMinutesBetween, type WorkingHours } from "./working-time";

export interface RuleDef {
  id: string;
  type: AlertRuleType;
  /** null: the project as a whole (behind schedule) or every fonds (under plan); "*": every fonds. */
  fonds: string | null;
  kind: string | null;
  station: string | null;
  /** Tolerance as a fraction for behind/under plan; minutes of working time for a silent station. */
  threshold: number;
  pendingMinutes: number;
  enabled: boolean;
}

export interface EvalContext {
  now: number;
  today: string;
  timeZone: string;
  cal: WorkCalendar;
  hours: WorkingHours;
  periodStart: string;
  periodEnd: string;
  fonds: readonly FondsPlan[];
  /** Cumulative actual per "fonds/kind". */
  totals: ReadonlyMap<string, number>;
  /** Recent daily actual per "fonds/kind" (enough days for the current rate). */
  daily: ReadonlyMap<string, readonly { day: string; amount: number }[]>;
  periodTargets: ReadonlyMap<string, readonly PeriodTarget[]>;
  stations: readonly { id: string; name: string; lastPostAt: number | null }[];
}

export interface Evaluation {
  ruleId: string;
  /** Which instance of the rule: "project/pages", "fonds/4/pages", "station/<id>". */
  scope: string;
  condition: boolean;
  values: AlertValues;
}


const key = (fonds: string, kind: string) => `${fonds}/${kind}`;

function figures(ctx: EvalContext, f: FondsPlan, kind: string, tolerance: number) {
  return progressFigures({
    target: targetOf(f, kind),
    actual: ctx.totals.get(key(f.code, kind)) ?? 0,
    daily: ctx.daily.get(key(f.code, kind)) ?? [],
    periodStart: ctx.periodStart,
    periodEnd: ctx.periodEnd,
    today: ctx.today,
    cal: ctx.cal,
    targets: ctx.periodTargets.get(key(f.code, kind)),
    tolerance,
  });
}

function kindsOf(ctx: EvalContext, rule: RuleDef): string[] {
  const all = new Set(ctx.fonds.flatMap((f) => Object.keys(f.approved).concat(Object.keys(f.funded))));
  return [...all].filter((k) => rule.kind === null || rule.kind === k).sort();
}

function fondsOf(ctx: EvalContext, rule: RuleDef): FondsPlan[] {
  return ctx.fonds.filter((f) => rule.fonds === null || rule.fonds === "*" || rule.fonds === f.code);
}

function behindSchedule(rule: RuleDef, ctx: EvalContext): Evaluation[] {
  const out: Evaluation[] = [];
  for (const kind of kindsOf(ctx, rule)) {
    const rows = fondsOf(ctx, rule)
      .filter((f) => targetOf(f, kind) > 0)
      .map((f) => ({ f, fig: figures(ctx, f, kind, rule.threshold) }));
    const groups = rule.fonds === null ? [{ scope: `project/${kind}`, rows }] : rows.map((r) => ({ scope: `fonds/${r.f.code}/${kind}`, rows: [r] }));
    for (const g of groups) {
      if (g.rows.length === 0) continue;
      const actual = g.rows.reduce((s, r) => s + (ctx.totals.get(key(r.f.code, kind)) ?? 0), 0);
      const planToDate = g.rows.reduce((s, r) => s + r.fig.planToDate, 0);
      const target = g.rows.reduce((s, r) => s + targetOf(r.f, kind), 0);
      out.push({
        ruleId: rule.id,
        scope: g.scope,
        condition: actual < target && actual < planToDate * (1 - rule.threshold),
        values: { kind, actual, planToDate, target, variance: actual - planToDate, fonds: g.rows.length === 1 && rule.fonds !== null ? g.rows[0]!.f.code : null },
      });
    }
  }
  return out;
}

function underPlan(rule: RuleDef, ctx: EvalContext): Evaluation[] {
  const out: Evaluation[] = [];
  for (const kind of kindsOf(ctx, rule)) {
    for (const f of fondsOf(ctx, rule)) {
      const target = targetOf(f, kind);
      if (target <= 0) continue;
      const fig = figures(ctx, f, kind, rule.threshold);
      const actual = ctx.totals.get(key(f.code, kind)) ?? 0;
      // Where the fonds ends at its current pace; the shortfall is what the plan should move elsewhere.
      const projected = Math.min(target, Math.round(actual + fig.currentRate * fig.workingDaysLeft));
      const started = actual > 0;
      out.push({
        ruleId: rule.id,
        scope: `fonds/${f.code}/${kind}`,
        condition: started && fig.status !== "done" && projected < target * (1 - rule.threshold),
        values: { fonds: f.code, kind, actual, target, projected, shortfall: target - projected, currentRate: Math.round(fig.currentRate), catchUpRate: fig.catchUpRate === null ? null : Math.ceil(fig.catchUpRate) },
      });
    }
  }
  return out;
}

function silentStation(rule: RuleDef, ctx: EvalContext): Evaluation[] {
  const working = isWorkingTime(ctx.now, ctx.cal, ctx.hours, ctx.timeZone);
  return ctx.stations
    .filter((s) => (rule.station === null || rule.station === s.id) && s.lastPostAt !== null)
    .map((s) => {
      const silentMinutes = workingMinutesBetween(s.lastPostAt!, ctx.now, ctx.cal, ctx.hours, ctx.timeZone);
      return {
        ruleId: rule.id,
        scope: `station/${s.id}`,
        // Only in working time: a station is not silent at night or on a holiday.
        condition: working && silentMinutes >= rule.threshold,
        values: { station: s.id, stationName: s.name, lastPostAt: s.lastPostAt, silentMinutes },
      };
    });
}

export function evaluateRules(rules: readonly RuleDef[], ctx: EvalContext): Evaluation[] {
  return rules
    .filter((r) => r.enabled)
    .flatMap((r) => (r.type === "behind_schedule" ? behindSchedule(r, ctx) : r.type === "under_plan" ? underPlan(r, ctx) : silentStation(r, ctx)));
}
