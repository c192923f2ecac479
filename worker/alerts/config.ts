// What the alert engine needs from D1: rules, contact points, the working calendar and the detailed
// weekly/monthly plan. Loaded with the plan (worker/live/plan.ts) and again when an admin changes them.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { DEFAULT_CALENDAR, type WorkCalendar } from "../../schema/calendar";
import { VN_MAKEUP_SATURDAYS } from "../../schema/holidays";
import { alertRules, contactPoints, fonds, planPeriodTargets, projectCalendars } from "../../schema/db";
import type { PeriodTarget } from "../../schema/progress";
import type { RuleDef } from "./evaluate";
import type { WorkingHours } from "./working-time";

export interface ContactPoint {
  id: string;
  name: string;
  url: string;
}

export interface AlertConfig {
  cal: WorkCalendar;
  hours: WorkingHours;
  /** Detailed plan per "fonds/kind". */
  periodTargets: Map<string, PeriodTarget[]>;
  rules: RuleDef[];
  contactPoints: ContactPoint[];
}

export async function loadAlertConfig(d1: D1Database, projectId: string): Promise<AlertConfig> {
  const db = drizzle(d1);
  const [calRows, targetRows, ruleRows, cpRows] = await db.batch([
    db.select().from(projectCalendars).where(eq(projectCalendars.projectId, projectId)),
    db
      .select({ code: fonds.code, kind: planPeriodTargets.kind, from: planPeriodTargets.from, to: planPeriodTargets.to, amount: planPeriodTargets.amount })
      .from(planPeriodTargets)
      .innerJoin(fonds, eq(fonds.id, planPeriodTargets.fondsId))
      .where(eq(planPeriodTargets.projectId, projectId)),
    db.select().from(alertRules).where(eq(alertRules.projectId, projectId)),
    db.select().from(contactPoints).where(eq(contactPoints.projectId, projectId)),
  ]);
  const cal = calRows[0];
  // The official make-up Saturdays are working days: the weekdays swapped for them are in the holidays.
  const base: WorkCalendar = { ...DEFAULT_CALENDAR, workingSaturdays: VN_MAKEUP_SATURDAYS };
  const periodTargets = new Map<string, PeriodTarget[]>();
  for (const t of [...targetRows].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    const list = periodTargets.get(`${t.code}/${t.kind}`) ?? [];
    list.push({ from: t.from, to: t.to, amount: t.amount });
    periodTargets.set(`${t.code}/${t.kind}`, list);
  }
  return {
    cal: cal ? { holidays: [...base.holidays, ...cal.holidays], workingSaturdays: [...base.workingSaturdays, ...cal.workingSaturdays] } : base,
    hours: { dayStart: cal?.dayStart ?? "07:30", dayEnd: cal?.dayEnd ?? "17:00" },
    periodTargets,
    rules: ruleRows.map((r) => ({ id: r.id, type: r.type, fonds: r.fonds, kind: r.kind, station: r.station, threshold: r.threshold, pendingMinutes: r.pendingMinutes, enabled: r.enabled })),
    contactPoints: cpRows.filter((c) => c.enabled).map((c) => ({ id: c.id, name: c.name, url: c.url })),
  };
}
