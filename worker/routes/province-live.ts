// The overview's live feeds: one WebSocket for every project of a province, as cards, from the
// province's Durable Object (worker/province/room.ts); and one for the provinces of the whole country,
// a line each, from the national object (worker/province/national.ts). Messages: schema/province-wire.ts.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ProvinceIdParam } from "../../schema/api";
import { projects, provinces } from "../../schema/db";
import { displaySocketId } from "../auth/displays";
import { checkFeedUpgrade } from "../auth/feed-upgrade";
import { roleOn, seesRestricted, type Principal } from "../auth/policy";
import { nationalRoomFor, provinceRoomFor, router } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import type { HubWatcher } from "../province/views";

function sessionOf(p: Principal): string | null {
  return p.kind === "user" ? p.session.idHash : p.kind === "display" ? displaySocketId(p.display.id) : null;
}

/** What the caller may see of each project: a role on one project may be above the province-wide one. */
function provinceRights(p: Principal, provinceId: string, projectIds: string[]): HubWatcher {
  const sees = (projectId: string) => (p.kind === "display" ? false : seesRestricted(roleOn(p, { provinceId, projectId })));
  return { sessionId: sessionOf(p), sees: Object.fromEntries(projectIds.map((id) => [id, sees(id)])) };
}

/** Headers are ASCII; what the watcher may see travels with the upgrade. */
function withWatcher(raw: Request, watcher: HubWatcher): Request {
  const headers = new Headers(raw.headers);
  headers.set("X-Watcher", encodeURIComponent(JSON.stringify(watcher)));
  return new Request(raw.url, { headers });
}

export const provinceLive = router()
  .get("/provinces/:provinceId/live", async (c) => {
    const parsed = ProvinceIdParam.safeParse(c.req.param());
    if (!parsed.success) throw new ApiError(400, "validation_failed", "Mã tỉnh không hợp lệ (invalid province id)");
    const { provinceId } = parsed.data;
    checkFeedUpgrade(c);
    const db = drizzle(c.env.DB);
    const [province] = await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.id, provinceId));
    if (!province) throw new ApiError(404, "not_found", "Không có tỉnh này (unknown province)");
    const ids = (await db.select({ id: projects.id }).from(projects).where(eq(projects.provinceId, provinceId))).map((r) => r.id);
    return provinceRoomFor(c.env, provinceId).fetch(withWatcher(c.req.raw, provinceRights(c.var.principal, provinceId, ids)));
  })
  .get("/national/live", async (c) => {
    const p = c.var.principal;
    // The provinces the caller watches whole (a role on the province, or everywhere): a line each. The
    // lines are what a leader sees, whatever the caller's role.
    const all = await drizzle(c.env.DB).select({ id: provinces.id }).from(provinces);
    const watched = all.filter((r) => p.kind !== "user" || p.session.memberships.some((m) => !m.projectId && (!m.provinceId || m.provinceId === r.id)));
    if (p.kind === "user" && watched.length === 0) throw new ApiError(403, "forbidden", "Không có quyền xem toàn tỉnh nào (no province-wide role)");
    checkFeedUpgrade(c);
    return nationalRoomFor(c.env).fetch(withWatcher(c.req.raw, { sessionId: sessionOf(p), sees: Object.fromEntries(watched.map((r) => [r.id, false])) }));
  });
