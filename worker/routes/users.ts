// Users, their roles per province or project, and disabling an account. Every change of either reaches
// the user's open live feeds at once (worker/live/evict.ts).
import { and, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { MemberGrantSchema, MemberParams, ProjectIdParam, ProjectMemberParams, ProvinceIdParam, UserCreateSchema, UserIdParam } from "../../schema/api";
import { memberships, projects, provinces, sessions, users } from "../../schema/db";
import { provincesOfUser } from "../auth/middleware";
import { administersUser, isSystemAdmin, roleOn } from "../auth/policy";
import { hashPassword, newInitialPassword } from "../auth/password";
import { commitAccountChange } from "../lib/admin-change";
import { router } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";
import { closeEndedSessions, projectsOfProvince, projectsWatchableBy, reconnectUser } from "../live/evict";
import { requireProject } from "../lib/project";

async function userByEmail(d1: D1Database, email: string) {
  const [user] = await drizzle(d1).select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email));
  if (!user) throw new ApiError(404, "not_found", "Không có người dùng này (unknown user)");
  return user;
}

async function userById(d1: D1Database, id: string) {
  const [user] = await drizzle(d1).select({ id: users.id, email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.id, id));
  if (!user) throw new ApiError(404, "not_found", "Không có người dùng này (unknown user)");
  return user;
}

/** The province whose audit log shows an account change: the one province the user works in, if only one. */
async function soleProvince(d1: D1Database, userId: string): Promise<string | null> {
  const held = new Set(await provincesOfUser(d1, userId));
  const [only] = held;
  return held.size === 1 && only ? only : null;
}

export const userRoutes = router()
  .get("/users", async (c) => {
    const p = c.var.principal;
    const db = drizzle(c.env.DB);
    // Not one D1 batch: batched rows come back keyed by column name, and both tables have province_id.
    const [people, roles] = await Promise.all([
      db.select({ id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt }).from(users).orderBy(users.name),
      db
        .select({ userId: memberships.userId, role: memberships.role, provinceId: memberships.provinceId, projectId: memberships.projectId, projectProvince: projects.provinceId })
        .from(memberships)
        .leftJoin(projects, eq(projects.id, memberships.projectId)),
    ]);
    const self = (userId: string) => p.kind === "user" && p.session.user.id === userId;
    const adminOf = (provinceId: string | null, projectId: string | null) => provinceId !== null && roleOn(p, { provinceId, projectId: projectId ?? undefined }) === "admin";
    const list = people.flatMap((u) => {
      const held = roles.filter((r) => r.userId === u.id).map((r) => ({ ...r, province: r.projectProvince ?? r.provinceId }));
      // Someone without any role is seen by system admins only, like the rule for disabling them.
      if (!isSystemAdmin(p) && !held.some((r) => adminOf(r.province, r.projectId))) return [];
      return [
        {
          ...u,
          canDisable: administersUser(p, held.map((r) => r.province)) && !self(u.id),
          // A system-wide role is revoked by another system admin only (worker/routes/people.ts).
          roles: held.map((r) => ({ role: r.role, provinceId: r.provinceId, projectId: r.projectId, canRevoke: r.province === null ? isSystemAdmin(p) && !self(u.id) : adminOf(r.province, r.projectId) })),
        },
      ];
    });
    return c.json({ users: list });
  })
  .post("/users", zValidator("json", UserCreateSchema), async (c) => {
    const { email, name, password } = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new ApiError(409, "conflict", "Email đã có tài khoản (email already registered)");
    const id = crypto.randomUUID();
    // Never the password, nor its hash.
    await commitAccountChange(c, [db.insert(users).values({ id, email, name, passwordHash: await hashPassword(password) })], { action: "user.create", target: email, after: { id, email, name } });
    return c.json({ id, email, name }, 201);
  })
  .post("/provinces/:provinceId/members", zValidator("param", ProvinceIdParam), zValidator("json", MemberGrantSchema), async (c) => {
    const { provinceId } = c.req.valid("param");
    const { email, role } = c.req.valid("json");
    const [province] = await drizzle(c.env.DB).select().from(provinces).where(eq(provinces.id, provinceId));
    if (!province) throw new ApiError(404, "not_found", "Không có tỉnh này (unknown province)");
    const user = await userByEmail(c.env.DB, email);
    const db = drizzle(c.env.DB);
    const where = and(eq(memberships.userId, user.id), eq(memberships.provinceId, provinceId), isNull(memberships.projectId));
    const before = await db.select().from(memberships).where(where);
    await commitAccountChange(c, [db.delete(memberships).where(where), db.insert(memberships).values({ userId: user.id, provinceId, role })], {
      action: "member.grant",
      target: email,
      provinceId,
      before,
      after: { role },
    });
    // Feeds already open reconnect with the new role (more or fewer restricted fonds).
    await reconnectUser(c.env, user.id, await projectsOfProvince(c.env.DB, provinceId));
    return c.json({ userId: user.id, provinceId, role }, 200);
  })
  .delete("/provinces/:provinceId/members/:userId", zValidator("param", MemberParams), async (c) => {
    const { provinceId, userId } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    const where = and(eq(memberships.userId, userId), eq(memberships.provinceId, provinceId), isNull(memberships.projectId));
    const before = await db.select().from(memberships).where(where);
    if (before.length === 0) throw new ApiError(404, "not_found", "Người này không có vai trò ở tỉnh (no such member)");
    await commitAccountChange(c, [db.delete(memberships).where(where)], { action: "member.revoke", target: userId, provinceId, before });
    // A revoked role ends at once, also on live feeds already open in that province's projects.
    await reconnectUser(c.env, userId, await projectsOfProvince(c.env.DB, provinceId));
    return c.json({ ok: true });
  })
  .post("/projects/:projectId/members", zValidator("param", ProjectIdParam), zValidator("json", MemberGrantSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { email, role } = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const user = await userByEmail(c.env.DB, email);
    const db = drizzle(c.env.DB);
    const where = and(eq(memberships.userId, user.id), eq(memberships.projectId, projectId));
    const before = await db.select().from(memberships).where(where);
    await commitAccountChange(c, [db.delete(memberships).where(where), db.insert(memberships).values({ userId: user.id, projectId, role })], {
      action: "member.grant",
      target: email,
      provinceId: project.provinceId,
      projectId,
      before,
      after: { role },
    });
    await reconnectUser(c.env, user.id, [projectId]);
    return c.json({ userId: user.id, projectId, role }, 200);
  })
  .delete("/projects/:projectId/members/:userId", zValidator("param", ProjectMemberParams), async (c) => {
    const { projectId, userId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const db = drizzle(c.env.DB);
    const where = and(eq(memberships.userId, userId), eq(memberships.projectId, projectId));
    const before = await db.select().from(memberships).where(where);
    if (before.length === 0) throw new ApiError(404, "not_found", "Người này không có vai trò ở dự án (no such member)");
    await commitAccountChange(c, [db.delete(memberships).where(where)], { action: "member.revoke", target: userId, provinceId: project.provinceId, projectId, before });
    // A role the user still holds through the province keeps the feed open, after a reconnect.
    await reconnectUser(c.env, userId, [projectId]);
    return c.json({ ok: true });
  })
  .post("/users/:userId/disable", zValidator("param", UserIdParam), async (c) => {
    const { userId } = c.req.valid("param");
    const p = c.var.principal;
    if (p.kind === "user" && p.session.user.id === userId) {
      throw new ApiError(400, "bad_request", "Không thể tự khóa tài khoản của chính mình (you cannot disable your own account)");
    }
    const user = await userById(c.env.DB, userId);
    const disabledAt = user.disabledAt ?? Date.now();
    const db = drizzle(c.env.DB);
    const [, ended] = await commitAccountChange(
      c,
      [
        db.update(users).set({ disabledAt }).where(eq(users.id, userId)),
        // Every session ends now, not at its expiry: disabling is for an account that must stop at once.
        db.delete(sessions).where(eq(sessions.userId, userId)).returning({ idHash: sessions.idHash }),
      ],
      { action: "user.disable", target: user.email, provinceId: await soleProvince(c.env.DB, userId), before: { disabledAt: user.disabledAt }, after: { disabledAt } },
    );
    await closeEndedSessions(c.env, await projectsWatchableBy(c.env.DB, userId), ended.map((s) => s.idHash));
    return c.json({ id: userId, email: user.email, disabledAt });
  })
  .post("/users/:userId/enable", zValidator("param", UserIdParam), async (c) => {
    const { userId } = c.req.valid("param");
    const user = await userById(c.env.DB, userId);
    const db = drizzle(c.env.DB);
    await commitAccountChange(c, [db.update(users).set({ disabledAt: null }).where(eq(users.id, userId))], {
      action: "user.enable",
      target: user.email,
      provinceId: await soleProvince(c.env.DB, userId),
      before: { disabledAt: user.disabledAt },
      after: { disabledAt: null },
    });
    return c.json({ id: userId, email: user.email, disabledAt: null });
  })
  .post("/users/:userId/password-reset", zValidator("param", UserIdParam), async (c) => {
    const { userId } = c.req.valid("param");
    const p = c.var.principal;
    if (p.kind === "user" && p.session.user.id === userId) {
      throw new ApiError(400, "bad_request", "Đổi mật khẩu của mình ở trang Tài khoản (change your own password on the account page)");
    }
    const user = await userById(c.env.DB, userId);
    // Made like an account's initial password: shown once in this answer, only its hash is kept.
    const password = newInitialPassword();
    const db = drizzle(c.env.DB);
    const [, ended] = await commitAccountChange(
      c,
      [
        db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId)),
        // Whoever signed in with the old password (perhaps the reason for the reset) is out at once.
        db.delete(sessions).where(eq(sessions.userId, userId)).returning({ idHash: sessions.idHash }),
      ],
      // Never the password, nor its hash.
      { action: "user.password-reset", target: user.email, provinceId: await soleProvince(c.env.DB, userId) },
    );
    await closeEndedSessions(c.env, await projectsWatchableBy(c.env.DB, userId), ended.map((s) => s.idHash));
    return c.json({ id: userId, email: user.email, password, sessionsEnded: ended.length });
  });
