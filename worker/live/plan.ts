// What a project's Durable Object needs from D1 to validate and describe counters and to measure them
// against the plan: the project, its fonds with plan targets and detailed period targets, its working
// calendar and its stations. Loaded at start and again when an admin changes them. The alert rules, the
// reports and (through the live feed) the dashboard all take the plan from here.
import { and, asc, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { calendarWithin, projectCalendar, type WorkCalendar } from "../../schema/calendar";
import { fonds, planPeriodTargets, planTargets, projectCalendars, projects, stations } from "../../schema/db";
import type { FondsPlan, ProjectInfo, StationInfo, WireCalendar } from "../../schema/wire";

export interface ProjectPlan {
  project: ProjectInfo;
  fonds: FondsPlan[];
  stations: StationInfo[];
  /** Active station id → the hash of its current token: a post made with another is refused (room.ts). Never sent. */
  stationTokens: Map<string, string>;
  /** Holidays and make-up Saturdays merged with the project's own days (schema/calendar.ts). */
  calendar: WorkCalendar;
}

export async function loadProjectPlan(d1: D1Database, projectId: string): Promise<ProjectPlan | null> {
  const db = drizzle(d1);
  const [projectRows, fondsRows, targetRows, stationRows, calendarRows, periodRows] = await db.batch([
    db.select().from(projects).where(eq(projects.id, projectId)),
    db.select().from(fonds).where(eq(fonds.projectId, projectId)).orderBy(asc(fonds.position), asc(fonds.id)),
    db.select().from(planTargets).where(eq(planTargets.projectId, projectId)),
    db
      .select({ id: stations.id, name: stations.name, tokenHash: stations.tokenHash })
      .from(stations)
      .where(and(eq(stations.projectId, projectId), isNull(stations.revokedAt)))
      .orderBy(asc(stations.name)),
    db.select().from(projectCalendars).where(eq(projectCalendars.projectId, projectId)),
    db
      .select({ fondsId: planPeriodTargets.fondsId, kind: planPeriodTargets.kind, from: planPeriodTargets.from, to: planPeriodTargets.to, amount: planPeriodTargets.amount })
      .from(planPeriodTargets)
      .where(eq(planPeriodTargets.projectId, projectId))
      .orderBy(asc(planPeriodTargets.from)),
  ]);
  const p = projectRows[0];
  if (!p) return null;
  const byId = new Map<number, FondsPlan>();
  const plan: FondsPlan[] = fondsRows.map((f) => {
    const entry: FondsPlan = { code: f.code, name: f.name, agency: f.agency, restricted: f.restricted, approved: {}, funded: {} };
    byId.set(f.id, entry);
    return entry;
  });
  for (const t of targetRows) {
    const f = byId.get(t.fondsId);
    if (!f) continue;
    f.approved[t.kind] = t.approved;
    f.funded[t.kind] = t.funded;
  }
  for (const t of periodRows) {
    const f = byId.get(t.fondsId);
    if (!f) continue;
    ((f.periods ??= {})[t.kind] ??= []).push({ from: t.from, to: t.to, amount: t.amount });
  }
  return {
    project: {
      id: p.id,
      provinceId: p.provinceId,
      name: p.name,
      legalBasis: p.legalBasis,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      timeZone: p.timeZone,
      archivedAt: p.archivedAt,
    },
    fonds: plan,
    stations: stationRows.map(({ id, name }) => ({ id, name })),
    stationTokens: new Map(stationRows.map((s) => [s.id, s.tokenHash])),
    calendar: projectCalendar(calendarRows[0]),
  };
}

/** The calendar as the live feed sends it: only the days the project's figures can touch. */
export function wireCalendar(plan: ProjectPlan): WireCalendar {
  return calendarWithin(plan.calendar, plan.project.periodStart, plan.project.periodEnd);
}
