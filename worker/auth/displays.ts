// Wall-screen display tokens (dt_…): read-only, one province or one project, no restricted fonds
// (worker/auth/policy.ts decides which routes they reach). The wall page trades the token once for an
// HttpOnly cookie holding it (worker/routes/displays.ts), since a browser cannot put an Authorization
// header on a WebSocket. README "Design notes" says why the cookie holds the token itself.
import { and, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { displayTokens } from "../../schema/db";
import { sha256Hex } from "./tokens";

export const DISPLAY_COOKIE = "display";
export const DISPLAY_PREFIX = "dt";
/** Browsers cap cookie lifetime at 400 days; the token itself lives until revoked. */
const DISPLAY_COOKIE_MAX_AGE_S = 400 * 24 * 3600;
/** last_used_at is refreshed at most this often: a wall polls and reconnects all day. */
const LAST_USED_EVERY_MS = 5 * 60 * 1000;

export interface DisplayIdentity {
  id: string;
  name: string;
  provinceId: string;
  /** null: the whole province's wall. */
  projectId: string | null;
}

/** Open sockets of a display carry this in place of a session id, so revoking closes them (worker/live/evict.ts). */
export function displaySocketId(displayId: string): string {
  return `display:${displayId}`;
}

/** The live (not revoked) display a token belongs to. Looked up on every request, so revocation is immediate. */
export async function displayForToken(d1: D1Database, token: string, now: number): Promise<DisplayIdentity | null> {
  if (!token.startsWith(`${DISPLAY_PREFIX}_`)) return null;
  const db = drizzle(d1);
  const [row] = await db
    .select({ id: displayTokens.id, name: displayTokens.name, provinceId: displayTokens.provinceId, projectId: displayTokens.projectId, lastUsedAt: displayTokens.lastUsedAt })
    .from(displayTokens)
    .where(and(eq(displayTokens.tokenHash, await sha256Hex(token)), isNull(displayTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt > LAST_USED_EVERY_MS) {
    await db.update(displayTokens).set({ lastUsedAt: now }).where(eq(displayTokens.id, row.id));
  }
  return { id: row.id, name: row.name, provinceId: row.provinceId, projectId: row.projectId };
}

/** HttpOnly (scripts cannot read it), Secure, SameSite=Strict, and sent to the API only. */
export function displayCookie(token: string, maxAgeS = DISPLAY_COOKIE_MAX_AGE_S): string {
  return `${DISPLAY_COOKIE}=${token}; Path=/api/v1; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeS}`;
}

/** Does a display of this scope reach this province (and project)? A project's display never sees the province page. */
export function displayReaches(d: DisplayIdentity, scope: { provinceId?: string; projectId?: string }, level: "province" | "project"): boolean {
  if (scope.provinceId === undefined || d.provinceId !== scope.provinceId) return false;
  if (d.projectId === null) return true;
  return level === "project" && scope.projectId === d.projectId;
}
