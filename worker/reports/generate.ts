// Generates a report from D1's maintained aggregates (daily_totals: never the raw events) and stores
// it as an immutable, versioned snapshot. The cron (worker/reports/cron.ts) and the API both call it.
import { reasonKey } from "../../schema/alert-scope";
import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { alertTransitions, dailyTotals, reports } from "../../schema/db";
import type { ReportContent } from "../../schema/reports/content";
import type { ReportPeriod } from "../../schema/reports/schedule";
import { buildReportTable } from "../../schema/reports/table";
import { loadAlertConfig } from "../alerts/config";
import { kindDecimals, sortKinds } from "../../schema/kinds";
import { TOLERANCE } from "../../schema/status";
import { targetOf } from "../../schema/wire";
import { projectDayStart } from "../../schema/time";
import { addDays } from "../../schema/calendar";
import { loadProjectPlan, type ProjectPlan } from "../live/plan";

/** What a report is made of besides its figures: the plan, the rules (their types name the reasons) and the firings. */
export interface ReportBasis {
  plan: ProjectPlan;
  types: Map<string, string>;
  firings: { ruleId: string; scope: string; at: number }[];
}

/** A period's figures as D1's aggregates give them, per "fonds/kind", and the stations that posted. */
export interface PeriodFigures {
  cumulative: ReadonlyMap<string, number>;
  periodActual: ReadonlyMap<string, number>;
  activeStations: ReadonlySet<string>;
}

export async function loadReportBasis(d1: D1Database, projectId: string): Promise<ReportBasis | null> {
  const [plan, config, firings] = await Promise.all([
    loadProjectPlan(d1, projectId),
    loadAlertConfig(d1, projectId),
    drizzle(d1)
      .select({ ruleId: alertTransitions.ruleId, scope: alertTransitions.scope, at: alertTransitions.at })
      .from(alertTransitions)
      .where(and(eq(alertTransitions.projectId, projectId), eq(alertTransitions.toState, "firing"))),
  ]);
  return plan && { plan, types: new Map(config.rules.map((r) => [r.id, r.type])), firings };
}

const key = (r: { fonds: string; kind: string }) => `${r.fonds}/${r.kind}`;

/** One period's figures, summed by D1 (a single report asked for on the page). */
export async function loadPeriodFigures(d1: D1Database, projectId: string, period: ReportPeriod): Promise<PeriodFigures> {
  const db = drizzle(d1);
  const inProject = eq(dailyTotals.projectId, projectId);
  const [cumulativeRows, periodRows, stationRows] = await db.batch([
    db
      .select({ fonds: dailyTotals.fondsCode, kind: dailyTotals.kind, amount: sql<number>`SUM(${dailyTotals.amount})` })
      .from(dailyTotals)
      .where(and(inProject, lte(dailyTotals.day, period.to)))
      .groupBy(dailyTotals.fondsCode, dailyTotals.kind),
    db
      .select({ fonds: dailyTotals.fondsCode, kind: dailyTotals.kind, amount: sql<number>`SUM(${dailyTotals.amount})` })
      .from(dailyTotals)
      .where(and(inProject, gte(dailyTotals.day, period.from), lte(dailyTotals.day, period.to)))
      .groupBy(dailyTotals.fondsCode, dailyTotals.kind),
    db
      .selectDistinct({ station: dailyTotals.stationId })
      .from(dailyTotals)
      .where(and(inProject, gte(dailyTotals.day, period.from), lte(dailyTotals.day, period.to))),
  ]);
  return {
    cumulative: new Map(cumulativeRows.map((r) => [key(r), Number(r.amount)])),
    periodActual: new Map(periodRows.map((r) => [key(r), Number(r.amount)])),
    activeStations: new Set(stationRows.map((r) => r.station)),
  };
}

export async function buildReport(d1: D1Database, projectId: string, period: ReportPeriod, now: number): Promise<ReportContent | null> {
  const basis = await loadReportBasis(d1, projectId);
  return basis && assembleReport(basis, period, await loadPeriodFigures(d1, projectId, period), now);
}

/** The report itself, the same whichever way its figures were read. Pure. */
export function assembleReport({ plan, types, firings }: ReportBasis, period: ReportPeriod, figures: PeriodFigures, now: number): ReportContent {
  const kinds = sortKinds(new Set(plan.fonds.flatMap((f) => Object.keys(f.approved))));
  const table = buildReportTable({
    from: period.from,
    to: period.to,
    periodStart: plan.project.periodStart,
    periodEnd: plan.project.periodEnd,
    cal: plan.calendar,
    tolerance: TOLERANCE,
    kinds,
    fonds: plan.fonds.map((f) => ({
      code: f.code,
      name: f.name,
      target: Object.fromEntries(kinds.map((k) => [k, targetOf(f, k)])),
      periodTargets: f.periods ?? {},
    })),
    cumulative: figures.cumulative,
    periodActual: figures.periodActual,
  });
  const reasons: Record<string, string[]> = {};
  const fromMs = projectDayStart(period.from);
  const untilMs = projectDayStart(addDays(period.to, 1));
  for (const f of firings.filter((x) => x.at >= fromMs && x.at < untilMs)) {
    const scope = reasonKey(f.scope);
    (reasons[scope] ??= []).push(types.get(f.ruleId) ?? "alert");
  }
  return {
    project: { id: plan.project.id, name: plan.project.name, legalBasis: plan.project.legalBasis, provinceId: plan.project.provinceId },
    type: period.type,
    from: period.from,
    to: period.to,
    generatedAt: now,
    kinds: kinds.map((k) => ({ key: k, decimals: kindDecimals(k) ?? 0 })),
    table,
    restricted: plan.fonds.filter((f) => f.restricted).map((f) => f.code),
    silentStations: plan.stations.filter((s) => !figures.activeStations.has(s.id)),
    reasons: Object.fromEntries(Object.entries(reasons).map(([k, v]) => [k, [...new Set(v)]])),
  };
}

/**
 * Stores a new version. `onlyIfMissing` (the cron) makes a second run for the same period a no-op,
 * also when two runs race: the unique (project, type, from, to, version) index lets one insert win.
 */
export async function storeReport(d1: D1Database, content: ReportContent, by: string, onlyIfMissing: boolean): Promise<{ id: string; version: number; created: boolean }> {
  const db = drizzle(d1);
  const same = and(eq(reports.projectId, content.project.id), eq(reports.type, content.type), eq(reports.from, content.from), eq(reports.to, content.to));
  const [latest] = await db.select({ id: reports.id, version: reports.version }).from(reports).where(same).orderBy(desc(reports.version)).limit(1);
  if (latest && onlyIfMissing) return { ...latest, created: false };
  const row = { id: crypto.randomUUID(), projectId: content.project.id, type: content.type, from: content.from, to: content.to, version: (latest?.version ?? 0) + 1, generatedAt: content.generatedAt, generatedBy: by, content };
  try {
    await db.insert(reports).values(row);
  } catch (err) {
    if (!onlyIfMissing || !String(err).includes("UNIQUE")) throw err;
    const [winner] = await db.select({ id: reports.id, version: reports.version }).from(reports).where(same).orderBy(desc(reports.version)).limit(1);
    return { ...winner!, created: false };
  }
  return { id: row.id, version: row.version, created: true };
}
