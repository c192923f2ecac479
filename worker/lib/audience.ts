// The audience of a request: what the caller may see of one project's fonds. Every route that sends
// fonds-scoped rows or figures read from D1 filters them with this (worker/live/visibility.ts); the
// project's Durable Object does the same for what it serves from its own state.
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { Context } from "hono";
import { fonds } from "../../schema/db";
import { seesRestricted } from "../auth/policy";
import { EVERYONE, hiding, type Audience } from "../live/visibility";
import type { AppEnv } from "./app-env";

/** The restricted flags are read when the answer is made, so a fonds restricted later is hidden in old records too. */
export async function audienceOf(c: Context<AppEnv>, projectId: string): Promise<Audience> {
  if (seesRestricted(c.var.role)) return EVERYONE;
  const rows = await drizzle(c.env.DB)
    .select({ code: fonds.code })
    .from(fonds)
    .where(and(eq(fonds.projectId, projectId), eq(fonds.restricted, true)));
  return hiding(rows.map((r) => r.code));
}
