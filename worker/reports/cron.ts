// The daily Cron Trigger (wrangler.toml: 00:00 UTC = 07:00 in Viet Nam) writes the reports due that
// Viet Nam day for every project whose period covers it (schema/reports/schedule.ts).
import { drizzle } from "drizzle-orm/d1";
import { projects } from "../../schema/db";
import { reportsDueOn } from "../../schema/reports/schedule";
import { dayInZone } from "../../schema/time";
import { buildReport, storeReport } from "./generate";

export async function runScheduledReports(env: Env, scheduledTime: number): Promise<number> {
  const rows = await drizzle(env.DB).select().from(projects);
  let created = 0;
  for (const p of rows) {
    const day = dayInZone(scheduledTime, p.timeZone);
    for (const period of reportsDueOn(day)) {
      if (period.to < p.periodStart || period.from > p.periodEnd) continue;
      const content = await buildReport(env.DB, p.id, period, scheduledTime);
      if (content && (await storeReport(env.DB, content, "cron", true)).created) created++;
    }
  }
  return created;
}
