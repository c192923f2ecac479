// Bearer credentials: station tokens (counters) and the operator token (provisioning scripts).
import { and, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { stations } from "../../schema/db";

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** 32 random bytes, base64url, with a prefix that says what it is ("st" station, "sid" session). */
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
  /** What the token was resolved from: the project's Durable Object checks it is still this station's. */
  tokenHash: string;
}

/** The live (not revoked) station a token hash belongs to, from D1. */
export async function stationForTokenHash(d1: D1Database, tokenHash: string): Promise<StationIdentity | null> {
  const [station] = await drizzle(d1)
    .select({ id: stations.id, projectId: stations.projectId, name: stations.name })
    .from(stations)
    .where(and(eq(stations.tokenHash, tokenHash), isNull(stations.revokedAt)))
    .limit(1);
  return station ? { ...station, tokenHash } : null;
}

export function timingSafeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
