// The three alert rules as one pure function of the project's state at an instant.
// The Durable Object feeds it from its SQLite (worker/alerts/project-alerts.ts); no D1 round-trip per counter.
import { scopeOf } from "../../schema/alert-scope";
import { workingDaysBetween, type WorkCalendar } from "../../schema/calendar";
import type { alertRules } from "../../schema/db";
import { itemProgress, planProgress, type PlanItem } from "../../schema/plan-progress";
import { targetOf, type FondsPlan } from "../../schema/wire";
import type { AlertValues } from "./lifecycle";
import { isWorkingTime, workingMinutesBetween, type WorkingHours } from "./working-time";

/**
 * A project with no counters at all has nothing to judge: its plan rules hold one `nodata` instance
 * (shown, never notified) instead of a "behind" alert per kind from day one. After this many working days
 * of the period with still nothing counted, that instance fires: the project has not started, which the
 * province must see (DOMAIN.md, "some units have not started").
 */
export const NO_DATA_GRACE_WORKING_DAYS = 5;

/** A rule as the engine reads it: its D1 row (schema/tables/alerts.ts alertRules, where each field is
 * explained) without the project and creation date. */
export type RuleDef = Omit<typeof alertRules.$inferSelect, "projectId" | "createdAt">;

export interface EvalContext {
  now: number;
  today: string;
  timeZone: string;
  cal: WorkCalendar;
  hours: WorkingHours;
  periodStart: string;
  periodEnd: string;
  /** With their detailed period targets (FondsPlan.periods), as loaded by worker/live/plan.ts. */
  fonds: readonly FondsPlan[];
  /** Cumulative actual per "fonds/kind". */
  totals: ReadonlyMap<string, number>;
  /** Recent daily actual per "fonds/kind" (enough days for the current rate). */
  daily: ReadonlyMap<string, readonly { day: string; amount: number }[]>;
  stations: readonly { id: string; name: string; lastPostAt: number | null }[];
}

export interface Evaluation {
  ruleId: string;
  /** Which instance of the rule: "project/pages", "fonds/4/pages", "station/<id>". */
  scope: string;
  condition: boolean;
  /** No counters yet: the instance is `nodata` unless the grace is over (then `condition`). */
  noData?: boolean;
  values: AlertValues;
}

function noDataEvaluation(rule: RuleDef, ctx: EvalContext): Evaluation {
  const noData = ![...ctx.totals.values()].some((v) => v !== 0);
  const workingDays = ctx.today < ctx.periodStart ? 0 : workingDaysBetween(ctx.periodStart, ctx.today, ctx.cal);
  return {
    ruleId: rule.id,
    scope: scopeOf.noData(),
    condition: noData && workingDays > NO_DATA_GRACE_WORKING_DAYS,
    noData,
    values: { periodStart: ctx.periodStart, workingDays, graceDays: NO_DATA_GRACE_WORKING_DAYS },
  };
}


const key = (fonds: string, kind: string) => `${fonds}/${kind}`;

const planWindow = (ctx: EvalContext) => ({ periodStart: ctx.periodStart, periodEnd: ctx.periodEnd, today: ctx.today, cal: ctx.cal });

function item(ctx: EvalContext, f: FondsPlan, kind: string): PlanItem {
  return { target: targetOf(f, kind), actual: ctx.totals.get(key(f.code, kind)) ?? 0, periods: f.periods?.[kind] };
}

function kindsOf(ctx: EvalContext, rule: RuleDef): string[] {
  const all = new Set(ctx.fonds.flatMap((f) => Object.keys(f.approved).concat(Object.keys(f.funded))));
  return [...all].filter((k) => rule.kind === null || rule.kind === k).sort();
}

function fondsOf(ctx: EvalContext, rule: RuleDef): FondsPlan[] {
  return ctx.fonds.filter((f) => rule.fonds === null || rule.fonds === "*" || rule.fonds === f.code);
}

/**
 * Fires on the same status the dashboard shows (schema/plan-progress.ts), at the rule's own tolerance: for
 * the project as a whole, when any of its fonds is behind in the kind (schema/status.ts says why).
 */
function behindSchedule(rule: RuleDef, ctx: EvalContext): Evaluation[] {
  const out: Evaluation[] = [];
  for (const kind of kindsOf(ctx, rule)) {
    const rows = fondsOf(ctx, rule).filter((f) => targetOf(f, kind) > 0);
    const groups = rule.fonds === null ? [{ scope: scopeOf.project(kind), rows }] : rows.map((f) => ({ scope: scopeOf.fonds(f.code, kind), rows: [f] }));
    for (const g of groups) {
      if (g.rows.length === 0) continue;
      const fig = planProgress({ ...planWindow(ctx), items: g.rows.map((f) => item(ctx, f, kind)), tolerance: rule.threshold });
      out.push({
        ruleId: rule.id,
        scope: g.scope,
        condition: fig.status === "behind",
        values: {
          kind,
          actual: fig.actual,
          planToDate: fig.planToDate,
          target: fig.target,
          variance: fig.actual - fig.planToDate,
          fonds: g.rows.length === 1 && rule.fonds !== null ? g.rows[0]!.code : null,
          behindFonds: fig.behindItems,
        },
      });
    }
  }
  return out;
}

function underPlan(rule: RuleDef, ctx: EvalContext): Evaluation[] {
  const out: Evaluation[] = [];
  for (const kind of kindsOf(ctx, rule)) {
    for (const f of fondsOf(ctx, rule)) {
      const it = item(ctx, f, kind);
      if (it.target <= 0) continue;
      const fig = itemProgress(it, planWindow(ctx), ctx.daily.get(key(f.code, kind)) ?? [], rule.threshold);
      // Where the fonds ends at its current pace; the shortfall is what the plan should move elsewhere.
      const projected = Math.min(it.target, Math.round(it.actual + fig.currentRate * fig.workingDaysLeft));
      const started = it.actual > 0;
      out.push({
        ruleId: rule.id,
        scope: scopeOf.fonds(f.code, kind),
        condition: started && fig.status !== "done" && projected < it.target * (1 - rule.threshold),
        values: { fonds: f.code, kind, actual: it.actual, target: it.target, projected, shortfall: it.target - projected, currentRate: Math.round(fig.currentRate), catchUpRate: fig.catchUpRate === null ? null : Math.ceil(fig.catchUpRate) },
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
        scope: scopeOf.station(s.id),
        // Only in working time: a station is not silent at night or on a holiday.
        condition: working && silentMinutes >= rule.threshold,
        values: { station: s.id, stationName: s.name, lastPostAt: s.lastPostAt, silentMinutes },
      };
    });
}

export function evaluateRules(rules: readonly RuleDef[], ctx: EvalContext): Evaluation[] {
  return rules
    .filter((r) => r.enabled)
    .flatMap((r) => {
      if (r.type === "silent_station") return silentStation(r, ctx);
      // No plan yet (a project just created): nothing to be behind on, nor to wait for.
      if (kindsOf(ctx, r).length === 0) return [];
      const nodata = noDataEvaluation(r, ctx);
      // Still reported once counters exist, so a nodata or "not started" instance resolves.
      if (nodata.noData) return [nodata];
      return [...(r.type === "behind_schedule" ? behindSchedule(r, ctx) : underPlan(r, ctx)), nodata];
    });
}
