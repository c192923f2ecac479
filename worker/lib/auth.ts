// Credentials at the edge: station bearer tokens (counters) and the interim admin token.
// Issue 6 replaces the admin token with signed-in users and roles; station tokens stay.
import { and, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { createMiddleware } from "hono/factory";
import { stations } from "../../schema/db";
import { ApiError } from "./errors";

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** 32 random bytes, base64url: shown once to the admin, stored only as its SHA-256. */
export function newToken(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `${prefix}_${btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S{1,200})$/.exec(header ?? "");
  return m?.[1] ?? null;
}

export interface StationIdentity {
  id: string;
  projectId: string;
  name: string;
}

/** The station a bearer token belongs to, or a 401/403 ApiError. */
export async function authenticateStation(d1: D1Database, header: string | undefined, projectId: string): Promise<StationIdentity> {
  const token = bearerToken(header);
  if (!token) throw new ApiError(401, "unauthorized", "Thiếu mã trạm (missing station token)", undefined, { "WWW-Authenticate": "Bearer" });
  const [station] = await drizzle(d1)
    .select({ id: stations.id, projectId: stations.projectId, name: stations.name })
    .from(stations)
    .where(and(eq(stations.tokenHash, await sha256Hex(token)), isNull(stations.revokedAt)))
    .limit(1);
  if (!station) throw new ApiError(401, "unauthorized", "Mã trạm không hợp lệ (invalid station token)", undefined, { "WWW-Authenticate": "Bearer" });
  if (station.projectId !== projectId) throw new ApiError(403, "forbidden", "Mã trạm thuộc dự án khác (token belongs to another project)");
  return station;
}

function timingSafeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export const requireAdmin = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  const token = bearerToken(c.req.header("Authorization"));
  if (!token || !c.env.ADMIN_TOKEN || !timingSafeEqual(token, c.env.ADMIN_TOKEN)) {
    throw new ApiError(401, "unauthorized", "Cần quyền quản trị (admin token required)");
  }
  await next();
});
