// What the alert engine needs from D1 besides the plan: rules, contact points and the working hours.
// The working calendar and the detailed weekly/monthly plan come with the plan (worker/live/plan.ts), the
// one source the dashboard and the reports share. Loaded with it and again when an admin changes them.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { alertRules, contactPoints, projectCalendars } from "../../schema/db";
import type { DeliveryPoint } from "./deliver";
import type { RuleDef } from "./evaluate";
import { DEFAULT_HOURS, type WorkingHours } from "./working-time";

export interface AlertConfig {
  hours: WorkingHours;
  rules: RuleDef[];
  contactPoints: DeliveryPoint[];
}

export function deliveryPoint(c: typeof contactPoints.$inferSelect): DeliveryPoint {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    url: c.url,
    settings: c.settings,
    timing: { groupWaitMs: c.groupWaitSeconds * 1000, groupIntervalMs: c.groupIntervalSeconds * 1000, repeatIntervalMs: c.repeatIntervalSeconds * 1000 },
    muteOutsideWorkingTime: c.muteOutsideWorkingTime,
  };
}

export async function loadAlertConfig(d1: D1Database, projectId: string): Promise<AlertConfig> {
  const db = drizzle(d1);
  const [calRows, ruleRows, cpRows] = await db.batch([
    db.select().from(projectCalendars).where(eq(projectCalendars.projectId, projectId)),
    db.select().from(alertRules).where(eq(alertRules.projectId, projectId)),
    db.select().from(contactPoints).where(eq(contactPoints.projectId, projectId)),
  ]);
  const cal = calRows[0];
  return {
    hours: { dayStart: cal?.dayStart ?? DEFAULT_HOURS.dayStart, dayEnd: cal?.dayEnd ?? DEFAULT_HOURS.dayEnd },
    rules: ruleRows.map(({ projectId: _, createdAt: __, ...rule }) => rule),
    contactPoints: cpRows.filter((c) => c.enabled).map(deliveryPoint),
  };
}
