// Open live feeds follow a user's access at once: when their sessions end (sign-out everywhere, a new
// password, disabling) or their roles change (grant, revoke), their sockets are closed in the project
// rooms concerned (worker/live/room.ts closeSessions), in those projects' provinces and in the nation's
// overview feeds, with the code that tells the dashboard whether to reconnect for its new rights
// (schema/wire.ts).
import { and, eq, inArray, ne, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { memberships, projects, sessions } from "../../schema/db";
import { CLOSE_ACCESS_CHANGED, CLOSE_SESSION_ENDED } from "../../schema/wire";
import { nationalRoomFor, provinceRoomFor, roomFor } from "../lib/app-env";

/** The user's session ids (hashes, as the sockets carry them), optionally all but one. */
export async function sessionIdsOf(d1: D1Database, userId: string, except?: string): Promise<string[]> {
  const where = except === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.idHash, except));
  const rows = await drizzle(d1).select({ idHash: sessions.idHash }).from(sessions).where(where);
  return rows.map((r) => r.idHash);
}

/** Every project where the user may open a feed: all of them for a system-wide role. */
export async function projectsWatchableBy(d1: D1Database, userId: string): Promise<string[]> {
  const db = drizzle(d1);
  const roles = await db.select().from(memberships).where(eq(memberships.userId, userId));
  if (roles.some((m) => !m.provinceId && !m.projectId)) return (await db.select({ id: projects.id }).from(projects)).map((p) => p.id);
  const provinceIds = roles.flatMap((m) => (m.provinceId && !m.projectId ? [m.provinceId] : []));
  const projectIds = roles.flatMap((m) => (m.projectId ? [m.projectId] : []));
  if (provinceIds.length === 0 && projectIds.length === 0) return [];
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(or(provinceIds.length > 0 ? inArray(projects.provinceId, provinceIds) : undefined, projectIds.length > 0 ? inArray(projects.id, projectIds) : undefined));
  return rows.map((p) => p.id);
}

/** The projects a province-wide role reaches. */
export async function projectsOfProvince(d1: D1Database, provinceId: string): Promise<string[]> {
  const rows = await drizzle(d1).select({ id: projects.id }).from(projects).where(eq(projects.provinceId, provinceId));
  return rows.map((p) => p.id);
}

/** In the projects' rooms and in their provinces' (the overview's feed, worker/province/room.ts). */
async function close(env: Env, projectIds: string[], sessionIds: string[], how: { code: number; reason: string }): Promise<void> {
  if (sessionIds.length === 0 || projectIds.length === 0) return;
  // Every project's province, filtered here: a list of ids in SQL would pass D1's limit on bound parameters.
  const wanted = new Set(projectIds);
  const all = await drizzle(env.DB).select({ id: projects.id, provinceId: projects.provinceId }).from(projects);
  const provinceIds = new Set(all.filter((r) => wanted.has(r.id)).map((r) => r.provinceId));
  await Promise.all([
    ...projectIds.map((id) => roomFor(env, id).closeSessions(sessionIds, how.code, how.reason)),
    ...[...provinceIds].map((id) => provinceRoomFor(env, id).closeSessions(sessionIds, how.code, how.reason)),
    nationalRoomFor(env).closeSessions(sessionIds, how.code, how.reason),
  ]);
}

/** Sessions that were just deleted: their feeds close for good (4001). */
export function closeEndedSessions(env: Env, projectIds: string[], sessionIds: string[]): Promise<void> {
  return close(env, projectIds, sessionIds, CLOSE_SESSION_ENDED);
}

/** The user's roles changed in these projects: every session of theirs reconnects there for its new rights (4003). */
export async function reconnectUser(env: Env, userId: string, projectIds: string[]): Promise<void> {
  await close(env, projectIds, await sessionIdsOf(env.DB, userId), CLOSE_ACCESS_CHANGED);
}
