// Wall-screen displays: an admin creates a read-only token for a province or one project (shown once,
// stored hashed), lists and revokes them; the wall page trades its token for a cookie and reads what
// its screen shows. Which routes a display reaches: worker/auth/policy.ts (`wall`).
import { and, asc, desc, eq, isNull, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { Context } from "hono";
import { ProjectIdParam, ProvinceIdParam } from "../../schema/api";
import { DisplayCreateSchema, DisplaySessionSchema, ProjectDisplayParams, ProvinceDisplayParams } from "../../schema/api-displays";
import { displayTokens, projects, provinces } from "../../schema/db";
import { displayCookie, displayForToken, displaySocketId, DISPLAY_PREFIX } from "../auth/displays";
import { newToken, sha256Hex } from "../auth/tokens";
import { actorOf } from "../lib/actor";
import type { AppEnv } from "../lib/app-env";
import { router } from "../lib/app-env";
import { commitChange } from "../lib/admin-change";
import { ApiError } from "../lib/errors";
import { requireProject } from "../lib/project";
import { zValidator } from "../lib/validator";
import { closeEndedSessions, projectsOfProvince } from "../live/evict";

const listed = {
  id: displayTokens.id,
  name: displayTokens.name,
  provinceId: displayTokens.provinceId,
  projectId: displayTokens.projectId,
  createdByName: displayTokens.createdByName,
  createdAt: displayTokens.createdAt,
  lastUsedAt: displayTokens.lastUsedAt,
  revokedAt: displayTokens.revokedAt,
};

function newDisplayId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return [...crypto.getRandomValues(new Uint8Array(12))].map((b) => alphabet[b & 31]).join("");
}

async function requireProvince(d1: D1Database, provinceId: string) {
  const [row] = await drizzle(d1).select().from(provinces).where(eq(provinces.id, provinceId));
  if (!row) throw new ApiError(404, "not_found", "Không có tỉnh này (unknown province)");
  return row;
}

const list = (d1: D1Database, where: SQL | undefined) => drizzle(d1).select(listed).from(displayTokens).where(where).orderBy(desc(isNull(displayTokens.revokedAt)), desc(displayTokens.createdAt));

async function create(c: Context<AppEnv>, name: string, provinceId: string, projectId: string | null) {
  const token = newToken(DISPLAY_PREFIX);
  const id = newDisplayId();
  const by = actorOf(c.var.principal);
  const scope = { provinceId, projectId };
  const row = { id, name, ...scope, tokenHash: await sha256Hex(token), createdById: by.id, createdByName: by.name };
  await commitChange(c, { id: projectId, provinceId }, [drizzle(c.env.DB).insert(displayTokens).values(row)], { action: "display.create", target: `${name} (${id})`, after: { id, name, ...scope } }, { reload: false });
  // The token is shown here once; only its hash is kept.
  return c.json({ id, name, ...scope, token }, 201);
}

/** Revoked at once: the next request finds no live token, and open walls lose their feeds now. */
async function revoke(c: Context<AppEnv>, where: SQL) {
  const db = drizzle(c.env.DB);
  const [display] = await db.select(listed).from(displayTokens).where(where);
  if (!display) throw new ApiError(404, "not_found", "Không có màn hình này (unknown display)");
  const revokedAt = display.revokedAt ?? Date.now();
  const audit = { action: "display.revoke", target: `${display.name} (${display.id})`, before: display, after: { ...display, revokedAt } };
  await commitChange(c, { id: display.projectId, provinceId: display.provinceId }, [db.update(displayTokens).set({ revokedAt }).where(eq(displayTokens.id, display.id))], audit, { reload: false });
  const watched = display.projectId ? [display.projectId] : await projectsOfProvince(c.env.DB, display.provinceId);
  await closeEndedSessions(c.env, watched, [displaySocketId(display.id)]);
  return c.json({ ...display, revokedAt }, 200);
}

export const displayRoutes = router()
  .post("/display/session", zValidator("json", DisplaySessionSchema), async (c) => {
    // Like sign-in: another site must not plant its own display cookie in this browser.
    const origin = c.req.header("Origin");
    if (origin && origin !== new URL(c.req.url).origin) throw new ApiError(403, "forbidden", "Sai nguồn gốc yêu cầu (cross-origin display sign-in)");
    const { token } = c.req.valid("json");
    const display = await displayForToken(c.env.DB, token, Date.now());
    if (!display) throw new ApiError(401, "unauthorized", "Mã màn hình không hợp lệ hoặc đã thu hồi (unknown or revoked display token)");
    c.header("Set-Cookie", displayCookie(token));
    return c.json({ display });
  })
  .get("/display", async (c) => {
    const p = c.var.principal;
    if (p.kind !== "display") throw new ApiError(403, "forbidden", "Chỉ dành cho màn hình trình chiếu (displays only)");
    const { display } = p;
    const db = drizzle(c.env.DB);
    const province = await requireProvince(c.env.DB, display.provinceId);
    const where = display.projectId ? eq(projects.id, display.projectId) : eq(projects.provinceId, display.provinceId);
    const rows = await db.select({ id: projects.id, provinceId: projects.provinceId, name: projects.name }).from(projects).where(where).orderBy(asc(projects.name));
    // The same shape as GET /provinces, so the wall rotates through it as it does for a signed-in leader.
    return c.json({ display, provinces: [{ id: province.id, name: province.name, projects: rows }] });
  })
  .get("/provinces/:provinceId/displays", zValidator("param", ProvinceIdParam), async (c) => {
    const { provinceId } = c.req.valid("param");
    await requireProvince(c.env.DB, provinceId);
    return c.json({ displays: await list(c.env.DB, eq(displayTokens.provinceId, provinceId)) });
  })
  .post("/provinces/:provinceId/displays", zValidator("param", ProvinceIdParam), zValidator("json", DisplayCreateSchema), async (c) => {
    const { provinceId } = c.req.valid("param");
    await requireProvince(c.env.DB, provinceId);
    return create(c, c.req.valid("json").name, provinceId, null);
  })
  .delete("/provinces/:provinceId/displays/:displayId", zValidator("param", ProvinceDisplayParams), async (c) => {
    const { provinceId, displayId } = c.req.valid("param");
    return revoke(c, and(eq(displayTokens.id, displayId), eq(displayTokens.provinceId, provinceId))!);
  })
  .get("/projects/:projectId/displays", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    await requireProject(c.env.DB, projectId);
    return c.json({ displays: await list(c.env.DB, eq(displayTokens.projectId, projectId)) });
  })
  .post("/projects/:projectId/displays", zValidator("param", ProjectIdParam), zValidator("json", DisplayCreateSchema), async (c) => {
    const project = await requireProject(c.env.DB, c.req.valid("param").projectId);
    return create(c, c.req.valid("json").name, project.provinceId, project.id);
  })
  // A project admin revokes the project's own displays, not the province's.
  .delete("/projects/:projectId/displays/:displayId", zValidator("param", ProjectDisplayParams), async (c) => {
    const { projectId, displayId } = c.req.valid("param");
    return revoke(c, and(eq(displayTokens.id, displayId), eq(displayTokens.projectId, projectId))!);
  });
