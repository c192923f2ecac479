// The province overview's live feed: one WebSocket for every project of a province, as cards
// (schema/province-wire.ts), from the province's Durable Object (worker/province/room.ts).
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ProvinceIdParam } from "../../schema/api";
import { projects, provinces } from "../../schema/db";
import { displaySocketId } from "../auth/displays";
import { checkFeedUpgrade } from "../auth/feed-upgrade";
import { roleOn, seesRestricted, type Principal } from "../auth/policy";
import { provinceRoomFor, router } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import type { ProvinceWatcher } from "../province/cards";

/** What the caller may see of each project: a role on one project may be above the province-wide one. */
function rightsOf(p: Principal, provinceId: string, projectIds: string[]): ProvinceWatcher {
  const sees = (projectId: string) => (p.kind === "display" ? false : seesRestricted(roleOn(p, { provinceId, projectId })));
  return {
    sessionId: p.kind === "user" ? p.session.idHash : p.kind === "display" ? displaySocketId(p.display.id) : null,
    projects: Object.fromEntries(projectIds.map((id) => [id, sees(id)])),
  };
}

export const provinceLive = router().get("/provinces/:provinceId/live", async (c) => {
  const parsed = ProvinceIdParam.safeParse(c.req.param());
  if (!parsed.success) throw new ApiError(400, "validation_failed", "Mã tỉnh không hợp lệ (invalid province id)");
  const { provinceId } = parsed.data;
  checkFeedUpgrade(c);
  const db = drizzle(c.env.DB);
  const [province] = await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.id, provinceId));
  if (!province) throw new ApiError(404, "not_found", "Không có tỉnh này (unknown province)");
  const ids = (await db.select({ id: projects.id }).from(projects).where(eq(projects.provinceId, provinceId))).map((r) => r.id);
  const headers = new Headers(c.req.raw.headers);
  // Headers are ASCII; what the watcher may see travels with the upgrade.
  headers.set("X-Watcher", encodeURIComponent(JSON.stringify(rightsOf(c.var.principal, provinceId, ids))));
  return provinceRoomFor(c.env, provinceId).fetch(new Request(c.req.raw.url, { headers }));
});
