// The one place where API requests are authenticated and authorized (rules: worker/auth/policy.ts).
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import { memberships, projects } from "../../schema/db";
import type { AppEnv } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { archivedError } from "../lib/project";
import { DISPLAY_COOKIE, displayForToken } from "./displays";
import { decide, POLICY, refusedWhenArchived, type Principal } from "./policy";
import { loadSession, SESSION_COOKIE } from "./sessions";
import { stationTokens } from "./station-cache";
import { bearerToken, stationForTokenHash, timingSafeEqual } from "./tokens";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The route that will answer: the last matched handler for this method (middleware is "ALL"). */
function targetRoute(c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0]): string | null {
  const method = c.req.method === "HEAD" ? "GET" : c.req.method;
  const routes = matchedRoutes(c).filter((r) => r.method === method);
  const last = routes[routes.length - 1];
  return last ? `${method} ${last.path}` : null;
}

/** Path parameters of the target route, read from the URL (middleware does not see the route's own params). */
function paramsOf(pattern: string, path: string): Record<string, string> {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/:([A-Za-z]+)/g, (_, n: string) => (names.push(n), "([^/]+)"))}$`);
  const m = re.exec(path);
  return Object.fromEntries(names.map((n, i) => [n, decodeSegment(m?.[i + 1] ?? "")]));
}

/** A malformed escape ("%E0%A4%A", or the UTF-8 bytes of a lone surrogate) is the caller's mistake, not a 500. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(400, "bad_request", "Đường dẫn có mã % không hợp lệ (malformed percent-encoding in the path)");
  }
}

async function resolvePrincipal(env: Env, authorization: string | undefined, cookie: string | undefined, displayCookie: string | undefined): Promise<Principal> {
  const token = bearerToken(authorization);
  if (token) {
    if (env.ADMIN_TOKEN && timingSafeEqual(token, env.ADMIN_TOKEN)) return { kind: "operator" };
    const station = await stationTokens.resolve(token, (hash) => stationForTokenHash(env.DB, hash));
    if (station) return { kind: "station", station };
    const display = await displayForToken(env.DB, token, Date.now());
    if (display) return { kind: "display", display };
    throw new ApiError(401, "unauthorized", "Mã truy cập không hợp lệ (invalid token)", undefined, { "WWW-Authenticate": "Bearer" });
  }
  if (cookie) {
    const session = await loadSession(env.DB, cookie, Date.now());
    if (session) return { kind: "user", session };
  }
  // A person's session wins over a display cookie in the same browser: they keep their own rights.
  if (displayCookie) {
    const display = await displayForToken(env.DB, displayCookie, Date.now());
    if (display) return { kind: "display", display };
  }
  return { kind: "anonymous" };
}

/** The province of each role the user holds (a project role counts in its project's province). */
export async function provincesOfUser(d1: D1Database, userId: string): Promise<(string | null)[]> {
  const rows = await drizzle(d1)
    .select({ provinceId: memberships.provinceId, projectProvince: projects.provinceId })
    .from(memberships)
    .leftJoin(projects, eq(projects.id, memberships.projectId))
    .where(eq(memberships.userId, userId));
  return rows.map((r) => r.projectProvince ?? r.provinceId);
}

async function projectScope(d1: D1Database, projectId: string): Promise<{ provinceId: string; archivedAt: number | null } | undefined> {
  const [row] = await drizzle(d1).select({ provinceId: projects.provinceId, archivedAt: projects.archivedAt }).from(projects).where(eq(projects.id, projectId));
  return row;
}

export const authorize = createMiddleware<AppEnv>(async (c, next) => {
  const route = targetRoute(c);
  if (!route) return next(); // no such route: the 404 handler answers
  const rule = POLICY[route];
  if (!rule) {
    console.error(`no access rule for ${route}: refused`);
    throw new ApiError(403, "forbidden", "Không có quyền (no access rule for this route)");
  }
  const principal = await resolvePrincipal(c.env, c.req.header("Authorization"), getCookie(c, SESSION_COOKIE), getCookie(c, DISPLAY_COOKIE));
  if (principal.kind === "user" && !SAFE_METHODS.has(c.req.method)) {
    // Cookie-authenticated writes must prove they come from our own page.
    const origin = c.req.header("Origin");
    const sent = c.req.header("X-CSRF-Token") ?? "";
    if ((origin && origin !== new URL(c.req.url).origin) || !timingSafeEqual(sent, principal.session.csrfToken)) {
      throw new ApiError(403, "forbidden", "Thiếu hoặc sai mã CSRF (missing or wrong CSRF token)");
    }
  }
  const pattern = route.slice(route.indexOf(" ") + 1);
  const params = paramsOf(pattern, c.req.path);
  const projectId = params.projectId;
  // Only role rules need the project's province and archived state: a station's post costs no extra D1
  // query (an archived project's own object refuses counters, worker/live/room.ts).
  const needsProvince = rule.kind === "project" || rule.kind === "province";
  const project = needsProvince && projectId ? await projectScope(c.env.DB, projectId) : undefined;
  const provinceId = params.provinceId ?? project?.provinceId;
  const userProvinces = rule.kind === "user-admin" && params.userId ? await provincesOfUser(c.env.DB, params.userId) : undefined;
  const decision = decide(rule, principal, { provinceId, projectId, userProvinces });
  if (!decision.allow) {
    // A working station token aimed at a project that does not exist: say so with a 404 rather than a bare 403.
    if (principal.kind === "station" && rule.kind === "station" && projectId && !(await projectScope(c.env.DB, projectId))) {
      throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
    }
    throw decision.status === 401
      ? new ApiError(401, "unauthorized", "Cần đăng nhập (sign-in required)")
      : new ApiError(403, "forbidden", "Không có quyền (forbidden)");
  }
  // Only after the caller's rights: someone without a role learns nothing of the project's state.
  if (project?.archivedAt && refusedWhenArchived(route)) throw archivedError();
  c.set("principal", principal);
  c.set("role", decision.role);
  await next();
});
