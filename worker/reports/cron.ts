// The daily Cron Trigger (wrangler.toml: 00:00 UTC = 07:00 in Viet Nam) writes every report due up to
// that Viet Nam day that does not exist yet, for every project (worker/reports/catch-up.ts).
import { drizzle } from "drizzle-orm/d1";
import { projects } from "../../schema/db";
import { dayInZone } from "../../schema/time";
import { catchUpReports } from "./catch-up";

export async function runScheduledReports(env: Env, scheduledTime: number): Promise<number> {
  const rows = await drizzle(env.DB).select().from(projects);
  let created = 0;
  for (const p of rows) created += await catchUpReports(env.DB, p, dayInZone(scheduledTime, p.timeZone), scheduledTime, "cron");
  return created;
}
