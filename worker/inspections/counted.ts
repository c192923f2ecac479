// What the software had counted by the end of an inspection day (đối soát compares against it, not
// against today's total), and what has been accepted so far (nghiệm thu may not pass the count).
import { and, eq, lte, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { acceptances, dailyTotals } from "../../schema/db";
import { dayInZone } from "../../schema/time";
import { roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";

const key = (fonds: string, kind: string) => `${fonds}/${kind}`;

/** A day after today (in the project's zone) has no count yet: an inspection cannot be dated there. */
export function refuseFutureDay(day: string, timeZone: string, now: number, path: string): void {
  if (day > dayInZone(now, timeZone)) throw new ApiError(400, "validation_failed", "Ngày kiểm tra chưa đến (the inspection day is in the future)", [{ path, message: "in the future" }]);
}

/**
 * Per "fonds/kind", the sum of every counter and correction dated up to and including `day`.
 * D1's daily_totals has counters per day (a station may post a past day's work), but trails the Durable
 * Object by the write-through delay; the object flushes its outbox first, so the sum is exact for any
 * day, today's included, and the same figure a report for a period ending that day would show.
 */
export async function countedOnDay(env: Env, projectId: string, day: string): Promise<Map<string, number>> {
  await roomFor(env, projectId).flushNow();
  const rows = await drizzle(env.DB)
    .select({ fonds: dailyTotals.fondsCode, kind: dailyTotals.kind, amount: sql<number>`SUM(${dailyTotals.amount})` })
    .from(dailyTotals)
    .where(and(eq(dailyTotals.projectId, projectId), lte(dailyTotals.day, day)))
    .groupBy(dailyTotals.fondsCode, dailyTotals.kind);
  return new Map(rows.map((r) => [key(r.fonds, r.kind), Number(r.amount)]));
}

export async function acceptedSoFar(d1: D1Database, projectId: string, fonds: string, kind: string): Promise<number> {
  const [row] = await drizzle(d1)
    .select({ amount: sql<number>`COALESCE(SUM(${acceptances.amount}), 0)` })
    .from(acceptances)
    .where(and(eq(acceptances.projectId, projectId), eq(acceptances.fondsCode, fonds), eq(acceptances.kind, kind)));
  return Number(row?.amount ?? 0);
}
