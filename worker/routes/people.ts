// Accounts opened by a province's own administrator, and system-wide roles. A province admin creates a
// person together with a role in the province (one batch), so the account is the province's to manage
// from its first moment (worker/auth/policy.ts "user-admin"); the initial password is made here, shown
// once in the answer, and only its hash is kept.
import { and, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { MemberGrantSchema, ProvinceIdParam, ProvinceUserCreateSchema, UserIdParam } from "../../schema/api";
import { memberships, provinces, users } from "../../schema/db";
import { hashPassword, newInitialPassword } from "../auth/password";
import { commitAccountChange } from "../lib/admin-change";
import { router } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";
import { projectsWatchableBy, reconnectUser } from "../live/evict";

const emailTaken = () =>
  new ApiError(409, "conflict", "Email đã có tài khoản (email already registered)", [
    { path: "email", message: "Email đã có tài khoản; hãy cấp vai trò cho tài khoản đó (email already registered: grant it a role instead)" },
  ]);

export const peopleRoutes = router()
  .post("/provinces/:provinceId/users", zValidator("param", ProvinceIdParam), zValidator("json", ProvinceUserCreateSchema), async (c) => {
    const { provinceId } = c.req.valid("param");
    const { email, name, role } = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const [province] = await db.select().from(provinces).where(eq(provinces.id, provinceId));
    if (!province) throw new ApiError(404, "not_found", "Không có tỉnh này (unknown province)");
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw emailTaken();
    const id = crypto.randomUUID();
    const initialPassword = newInitialPassword();
    try {
      await commitAccountChange(
        c,
        [db.insert(users).values({ id, email, name, passwordHash: await hashPassword(initialPassword) }), db.insert(memberships).values({ userId: id, provinceId, role })],
        // Never the password, nor its hash.
        { action: "user.create", target: email, provinceId, after: { id, email, name, role } },
      );
    } catch (err) {
      // Two admins creating the same email at once: the unique index decides, the batch rolls back whole.
      if (String(err).includes("UNIQUE")) throw emailTaken();
      throw err;
    }
    return c.json({ id, email, name, role, provinceId, initialPassword }, 201);
  })
  .post("/members", zValidator("json", MemberGrantSchema), async (c) => {
    const { email, role } = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new ApiError(404, "not_found", "Không có người dùng này (unknown user)", [{ path: "email", message: "Không có tài khoản với email này (no account with this email)" }]);
    const where = and(eq(memberships.userId, user.id), isNull(memberships.provinceId), isNull(memberships.projectId));
    const before = await db.select().from(memberships).where(where);
    await commitAccountChange(c, [db.delete(memberships).where(where), db.insert(memberships).values({ userId: user.id, role })], {
      action: "member.grant",
      target: email,
      before,
      after: { role, scope: "system" },
    });
    await reconnectUser(c.env, user.id, await projectsWatchableBy(c.env.DB, user.id));
    return c.json({ userId: user.id, role }, 200);
  })
  .delete("/members/:userId", zValidator("param", UserIdParam), async (c) => {
    const { userId } = c.req.valid("param");
    const p = c.var.principal;
    // The last way in for the person revoking it: another system admin must do it.
    if (p.kind === "user" && p.session.user.id === userId) {
      throw new ApiError(400, "bad_request", "Không thể tự thu hồi quyền quản trị hệ thống của mình (you cannot revoke your own system role)");
    }
    const db = drizzle(c.env.DB);
    const where = and(eq(memberships.userId, userId), isNull(memberships.provinceId), isNull(memberships.projectId));
    const before = await db.select().from(memberships).where(where);
    if (before.length === 0) throw new ApiError(404, "not_found", "Người này không có vai trò toàn hệ thống (no such member)");
    const watched = await projectsWatchableBy(c.env.DB, userId);
    await commitAccountChange(c, [db.delete(memberships).where(where)], { action: "member.revoke", target: userId, before });
    await reconnectUser(c.env, userId, watched);
    return c.json({ ok: true });
  });
