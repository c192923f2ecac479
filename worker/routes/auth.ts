// Sign-in with email and password, cookie sessions, sign-out (which also closes the session's live feeds).
import { eq, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { getCookie, setCookie } from "hono/cookie";
import { LoginSchema } from "../../schema/api";
import { loginFailures, projects, users } from "../../schema/db";
import { verifyPassword } from "../auth/password";
import { roleOn } from "../auth/policy";
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_MS, sessionCookie } from "../auth/sessions";
import { router } from "../lib/app-env";
import { closeEndedSessions } from "../live/evict";
import { OPERATOR } from "../lib/actor";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";

/** After this many failures for one email within the window, sign-in waits (seeds: guessing is cheap). */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Records this attempt only while the email has fewer than ?4 in the window, and says whether it did.
 * One statement, so it is atomic: counting first and recording after let 30 parallel guesses all pass
 * the count. A success deletes the email's rows, this one included. Bound: ?1 email, ?2 now, ?3 window
 * start, ?4 limit. */
const RESERVE_ATTEMPT = `
  INSERT INTO login_failures (email, at)
  SELECT ?1, ?2 WHERE (SELECT count(*) FROM login_failures WHERE email = ?1 AND at > ?3) < ?4
  RETURNING at`;

export const authRoutes = router()
  .post("/auth/login", zValidator("json", LoginSchema), async (c) => {
    const { email, password } = c.req.valid("json");
    const origin = c.req.header("Origin");
    if (origin && origin !== new URL(c.req.url).origin) throw new ApiError(403, "forbidden", "Sai nguồn gốc yêu cầu (cross-origin sign-in)");
    const db = drizzle(c.env.DB);
    const now = Date.now();
    const slot = await c.env.DB.prepare(RESERVE_ATTEMPT).bind(email, now, now - FAILURE_WINDOW_MS, MAX_FAILURES).first();
    if (!slot) {
      const retry = Math.ceil(FAILURE_WINDOW_MS / 1000);
      throw new ApiError(429, "rate_limited", "Đăng nhập sai quá nhiều lần; thử lại sau (too many failed sign-ins)", { retryAfterSeconds: retry }, { "Retry-After": String(retry) });
    }
    const [user] = await db.select().from(users).where(eq(users.email, email));
    // A disabled account is refused exactly like a wrong password, so the answer tells nothing about it.
    if (!(await verifyPassword(password, user?.passwordHash ?? null)) || !user || user.disabledAt !== null) {
      // The reserved attempt stays as this failure; only rows older than the window go.
      await db.delete(loginFailures).where(lt(loginFailures.at, now - FAILURE_WINDOW_MS));
      throw new ApiError(401, "unauthorized", "Sai email hoặc mật khẩu (wrong email or password)");
    }
    await db.delete(loginFailures).where(eq(loginFailures.email, email));
    const { cookieValue, csrfToken } = await createSession(c.env.DB, user.id, now);
    c.header("Set-Cookie", sessionCookie(cookieValue, SESSION_TTL_MS));
    return c.json({ user: { id: user.id, email: user.email, name: user.name }, csrfToken });
  })
  .post("/auth/logout", async (c) => {
    const p = c.var.principal;
    if (p.kind === "user") {
      await deleteSession(c.env.DB, p.session.idHash);
      // Close this session's live feeds in every project it could watch.
      const rows = await drizzle(c.env.DB).select({ id: projects.id, provinceId: projects.provinceId }).from(projects);
      const watched = rows.filter((r) => roleOn(p, { provinceId: r.provinceId, projectId: r.id }) !== null);
      await closeEndedSessions(c.env, watched.map((r) => r.id), [p.session.idHash]);
    }
    if (getCookie(c, SESSION_COOKIE)) setCookie(c, SESSION_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, secure: true, sameSite: "Strict" });
    return c.json({ ok: true });
  })
  .get("/me", (c) => {
    const p = c.var.principal;
    if (p.kind !== "user") return c.json({ user: { ...OPERATOR, email: "" }, memberships: [{ role: "admin", provinceId: null, projectId: null }], csrfToken: null });
    return c.json({ user: p.session.user, memberships: p.session.memberships, csrfToken: p.session.csrfToken });
  });
