// Cookie sessions stored in D1 (only the SHA-256 of the cookie value), with expiry and logout.
import { and, eq, gt, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { memberships, sessions, users, type Role } from "../../schema/db";
import { newToken, sha256Hex } from "./tokens";

export const SESSION_COOKIE = "sid";
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface Membership {
  role: Role;
  provinceId: string | null;
  projectId: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface Session {
  idHash: string;
  csrfToken: string;
  user: SessionUser;
  memberships: Membership[];
}

export async function createSession(d1: D1Database, userId: string, now: number): Promise<{ cookieValue: string; csrfToken: string }> {
  const cookieValue = newToken("sid");
  const csrfToken = newToken("csrf");
  await drizzle(d1)
    .insert(sessions)
    .values({ idHash: await sha256Hex(cookieValue), userId, csrfToken, expiresAt: now + SESSION_TTL_MS });
  return { cookieValue, csrfToken };
}

export async function loadSession(d1: D1Database, cookieValue: string, now: number): Promise<Session | null> {
  const db = drizzle(d1);
  const idHash = await sha256Hex(cookieValue);
  const [row] = await db
    .select({ csrfToken: sessions.csrfToken, id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    // A disabled user's sessions are deleted when disabling; the check also covers one created meanwhile.
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  if (!row) return null;
  const roles = await db
    .select({ role: memberships.role, provinceId: memberships.provinceId, projectId: memberships.projectId })
    .from(memberships)
    .where(eq(memberships.userId, row.id));
  return { idHash, csrfToken: row.csrfToken, user: { id: row.id, email: row.email, name: row.name }, memberships: roles };
}

export async function deleteSession(d1: D1Database, idHash: string): Promise<void> {
  await drizzle(d1).delete(sessions).where(eq(sessions.idHash, idHash));
}

/** HttpOnly so scripts cannot read it, Secure, SameSite=Strict so other sites cannot send it. */
export function sessionCookie(value: string, maxAgeMs: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${Math.floor(maxAgeMs / 1000)}`;
}
