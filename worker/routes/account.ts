// The signed-in user's own account: a new password, and signing out on every device. Both end sessions,
// so they also close those sessions' live feeds (worker/live/evict.ts).
import { and, eq, ne } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { getCookie, setCookie } from "hono/cookie";
import { PasswordChangeSchema } from "../../schema/api";
import { sessions, users } from "../../schema/db";
import { hashPassword, verifyPassword } from "../auth/password";
import { SESSION_COOKIE } from "../auth/sessions";
import { commitAccountChange } from "../lib/admin-change";
import { router } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";
import { closeEndedSessions, projectsWatchableBy } from "../live/evict";

export const accountRoutes = router()
  .post("/me/password", zValidator("json", PasswordChangeSchema), async (c) => {
    const p = c.var.principal;
    if (p.kind !== "user") throw new ApiError(400, "bad_request", "Mã quản trị hệ thống không có mật khẩu (the ADMIN_TOKEN has no password)");
    const { currentPassword, newPassword } = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const userId = p.session.user.id;
    const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
    if (!(await verifyPassword(currentPassword, user?.passwordHash ?? null))) {
      // A field error, not a 401: the session itself is fine, and the form shows it next to the field.
      throw new ApiError(400, "validation_failed", "Mật khẩu hiện tại không đúng (wrong current password)", [
        { path: "currentPassword", message: "Mật khẩu hiện tại không đúng (wrong current password)" },
      ]);
    }
    const [, ended] = await commitAccountChange(
      c,
      [
        db.update(users).set({ passwordHash: await hashPassword(newPassword) }).where(eq(users.id, userId)),
        // Whoever may have learnt the old password loses their sessions; this device stays signed in.
        db
          .delete(sessions)
          .where(and(eq(sessions.userId, userId), ne(sessions.idHash, p.session.idHash)))
          .returning({ idHash: sessions.idHash }),
      ],
      // Never the password, nor its hash.
      { action: "user.password", target: p.session.user.email },
    );
    await closeEndedSessions(c.env, await projectsWatchableBy(c.env.DB, userId), ended.map((s) => s.idHash));
    return c.json({ ok: true, otherSessionsEnded: ended.length });
  })
  .post("/auth/logout-all", async (c) => {
    const p = c.var.principal;
    if (p.kind === "user") {
      const userId = p.session.user.id;
      const db = drizzle(c.env.DB);
      const [ended] = await commitAccountChange(c, [db.delete(sessions).where(eq(sessions.userId, userId)).returning({ idHash: sessions.idHash })], {
        action: "user.logout-all",
        target: p.session.user.email,
      });
      await closeEndedSessions(c.env, await projectsWatchableBy(c.env.DB, userId), ended.map((s) => s.idHash));
    }
    if (getCookie(c, SESSION_COOKIE)) setCookie(c, SESSION_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, secure: true, sameSite: "Strict" });
    return c.json({ ok: true });
  });
