// Due reports always exist: every report due since the project started is written, even for days the
// daily cron did not run (a server down over a weekend, a project created mid-year). Run by the cron
// and on request; a period that already has a report is left as it is. All missing periods are read
// from D1 in one pass (daily aggregates of their whole span) and written in a few batches, so catching
// up a year costs a handful of round trips, not a few per report.
import { and, eq, gte, lt, lte, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { dailyTotals, reports } from "../../schema/db";
import { dueReports, type DueReport } from "../../schema/reports/filing";
import { dayInZone } from "../../schema/time";
import { assembleReport, loadReportBasis, type PeriodFigures } from "./generate";

/** Reports written per project and run at most: the rest follow on the next run (bounded work per request). */
const MAX_PER_RUN = 200;
const INSERTS_PER_BATCH = 25;

export interface CatchUpProject {
  id: string;
  periodStart: string;
  periodEnd: string;
}

export interface DailyRow {
  fonds: string;
  kind: string;
  day: string;
  amount: number;
}

/** A period's figures from the totals before the span and the daily rows within it. Pure. */
export function figuresFor(period: { from: string; to: string }, before: ReadonlyMap<string, number>, daily: readonly DailyRow[], stationDays: readonly { station: string; day: string }[]): PeriodFigures {
  const cumulative = new Map(before);
  const periodActual = new Map<string, number>();
  for (const r of daily) {
    if (r.day > period.to) continue;
    const k = `${r.fonds}/${r.kind}`;
    cumulative.set(k, (cumulative.get(k) ?? 0) + r.amount);
    if (r.day >= period.from) periodActual.set(k, (periodActual.get(k) ?? 0) + r.amount);
  }
  const activeStations = new Set(stationDays.filter((s) => s.day >= period.from && s.day <= period.to).map((s) => s.station));
  return { cumulative, periodActual, activeStations };
}

export async function catchUpReports(d1: D1Database, project: CatchUpProject, today: string, now: number, by: string): Promise<number> {
  const db = drizzle(d1);
  const existing = await db.selectDistinct({ type: reports.type, from: reports.from, to: reports.to }).from(reports).where(eq(reports.projectId, project.id));
  const have = new Set(existing.map((r) => `${r.type}/${r.from}/${r.to}`));
  const missing = dueReports(project.periodStart, project.periodEnd, today)
    .filter((d) => !have.has(`${d.type}/${d.from}/${d.to}`))
    .slice(0, MAX_PER_RUN);
  if (missing.length === 0) return 0;
  const basis = await loadReportBasis(d1, project.id);
  if (!basis) return 0;
  const first = missing.reduce((m, d) => (d.from < m ? d.from : m), missing[0]!.from);
  const last = missing.reduce((m, d) => (d.to > m ? d.to : m), missing[0]!.to);
  const inProject = eq(dailyTotals.projectId, project.id);
  const [beforeRows, daily, stationDays] = await db.batch([
    db
      .select({ fonds: dailyTotals.fondsCode, kind: dailyTotals.kind, amount: sql<number>`SUM(${dailyTotals.amount})` })
      .from(dailyTotals)
      .where(and(inProject, lt(dailyTotals.day, first)))
      .groupBy(dailyTotals.fondsCode, dailyTotals.kind),
    db
      .select({ fonds: dailyTotals.fondsCode, kind: dailyTotals.kind, day: dailyTotals.day, amount: sql<number>`SUM(${dailyTotals.amount})` })
      .from(dailyTotals)
      .where(and(inProject, gte(dailyTotals.day, first), lte(dailyTotals.day, last)))
      .groupBy(dailyTotals.fondsCode, dailyTotals.kind, dailyTotals.day),
    db
      .selectDistinct({ station: dailyTotals.stationId, day: dailyTotals.day })
      .from(dailyTotals)
      .where(and(inProject, gte(dailyTotals.day, first), lte(dailyTotals.day, last))),
  ]);
  const before = new Map(beforeRows.map((r) => [`${r.fonds}/${r.kind}`, Number(r.amount)]));
  const rows = daily.map((r) => ({ ...r, amount: Number(r.amount) }));
  const inserts = missing.map((due: DueReport) => {
    const period = { type: due.type, from: due.from, to: due.to };
    const content = assembleReport(basis, period, figuresFor(period, before, rows, stationDays), now);
    // Version 1 of a period nobody wrote: when a concurrent run wins the unique index, this one is a no-op.
    return db
      .insert(reports)
      .values({ id: crypto.randomUUID(), projectId: project.id, ...period, version: 1, generatedAt: now, generatedBy: by, content })
      .onConflictDoNothing()
      .returning({ id: reports.id });
  });
  let created = 0;
  for (let i = 0; i < inserts.length; i += INSERTS_PER_BATCH) {
    const [head, ...rest] = inserts.slice(i, i + INSERTS_PER_BATCH);
    const results = await db.batch([head!, ...rest]);
    created += results.reduce((n, r) => n + r.length, 0);
  }
  return created;
}

/**
 * Before the reporting calendar or the reports list answers: whatever fell due while no cron ran (the
 * server was down at 07:00, the trigger failed) is written first, so a reader never finds a due report
 * missing and nobody has to ask for it. Written as the schedule's, not the reader's; idempotent.
 */
export function catchUpOnRead(d1: D1Database, project: CatchUpProject & { timeZone: string }, now: number): Promise<number> {
  return catchUpReports(d1, project, dayInZone(now, project.timeZone), now, "cron");
}
