// Users and their roles per province or project.
import { and, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { MemberGrantSchema, MemberParams, ProjectIdParam, ProvinceIdParam, UserCreateSchema } from "../../schema/api";
import { memberships, projects, provinces, sessions, users } from "../../schema/db";
import { hashPassword } from "../auth/password";
import { auditInsert } from "../lib/audit";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";
import { requireProject } from "./projects";

async function userByEmail(d1: D1Database, email: string) {
  const [user] = await drizzle(d1).select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email));
  if (!user) throw new ApiError(404, "not_found", "Không có người dùng này (unknown user)");
  return user;
}

export const userRoutes = router()
  .post("/users", zValidator("json", UserCreateSchema), async (c) => {
    const { email, name, password } = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new ApiError(409, "conflict", "Email đã có tài khoản (email already registered)");
    const id = crypto.randomUUID();
    await db.batch([
      db.insert(users).values({ id, email, name, passwordHash: await hashPassword(password) }),
      // Never the password, nor its hash.
      auditInsert(c.env.DB, c.var.principal, { action: "user.create", target: email, after: { id, email, name } }),
    ]);
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
    await db.batch([
      db.delete(memberships).where(where),
      db.insert(memberships).values({ userId: user.id, provinceId, role }),
      auditInsert(c.env.DB, c.var.principal, { action: "member.grant", target: email, provinceId, before, after: { role } }),
    ]);
    return c.json({ userId: user.id, provinceId, role }, 200);
  })
  .delete("/provinces/:provinceId/members/:userId", zValidator("param", MemberParams), async (c) => {
    const { provinceId, userId } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    const where = and(eq(memberships.userId, userId), eq(memberships.provinceId, provinceId), isNull(memberships.projectId));
    const before = await db.select().from(memberships).where(where);
    if (before.length === 0) throw new ApiError(404, "not_found", "Người này không có vai trò ở tỉnh (no such member)");
    await db.batch([db.delete(memberships).where(where), auditInsert(c.env.DB, c.var.principal, { action: "member.revoke", target: userId, provinceId, before })]);
    // A revoked role ends at once, also on live feeds already open in that province's projects.
    const [sessionRows, projectRows] = await db.batch([
      db.select({ idHash: sessions.idHash }).from(sessions).where(eq(sessions.userId, userId)),
      db.select({ id: projects.id }).from(projects).where(eq(projects.provinceId, provinceId)),
    ]);
    const ids = sessionRows.map((s) => s.idHash);
    if (ids.length > 0) await Promise.all(projectRows.map((p) => roomFor(c.env, p.id).closeSessions(ids)));
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
    await db.batch([
      db.delete(memberships).where(where),
      db.insert(memberships).values({ userId: user.id, projectId, role }),
      auditInsert(c.env.DB, c.var.principal, { action: "member.grant", target: email, provinceId: project.provinceId, projectId, before, after: { role } }),
    ]);
    return c.json({ userId: user.id, projectId, role }, 200);
  });
