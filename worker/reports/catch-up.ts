// Due reports always exist: every report due since the project started is written, even for days the
// daily cron did not run (a server down over a weekend, a project created mid-year). Run by the cron
// and on request; a period that already has a report is left as it is.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { reports } from "../../schema/db";
import { dueReports } from "../../schema/reports/filing";
import { buildReport, storeReport } from "./generate";

/** Reports written per project and run at most: the rest follow on the next run (bounded work per request). */
const MAX_PER_RUN = 200;

export interface CatchUpProject {
  id: string;
  periodStart: string;
  periodEnd: string;
}

export async function catchUpReports(d1: D1Database, project: CatchUpProject, today: string, now: number, by: string): Promise<number> {
  const existing = await drizzle(d1).selectDistinct({ type: reports.type, from: reports.from, to: reports.to }).from(reports).where(eq(reports.projectId, project.id));
  const have = new Set(existing.map((r) => `${r.type}/${r.from}/${r.to}`));
  const missing = dueReports(project.periodStart, project.periodEnd, today).filter((d) => !have.has(`${d.type}/${d.from}/${d.to}`));
  let created = 0;
  for (const due of missing.slice(0, MAX_PER_RUN)) {
    const content = await buildReport(d1, project.id, { type: due.type, from: due.from, to: due.to }, now);
    if (content && (await storeReport(d1, content, by, true)).created) created++;
  }
  return created;
}
