// Scan stations: tokens issued once, stored hashed, rotated or revoked by an admin; and the one thing a
// station may read, its own entry page data.
import { and, asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ProjectIdParam, StationCreateSchema, StationParams, StationRenameSchema } from "../../schema/api";
import { stations } from "../../schema/db";
import { newToken, sha256Hex } from "../auth/tokens";
import { commitChange } from "../lib/admin-change";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";
import { requireProject } from "../lib/project";

const publicColumns = { id: stations.id, name: stations.name, createdAt: stations.createdAt, revokedAt: stations.revokedAt };

/** 10 random base-32 characters (50 bits): unique enough per deployment, and short on the wire. */
function newStationId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return [...crypto.getRandomValues(new Uint8Array(10))].map((b) => alphabet[b & 31]).join("");
}

async function findStation(d1: D1Database, projectId: string, stationId: string) {
  const project = await requireProject(d1, projectId);
  const where = and(eq(stations.id, stationId), eq(stations.projectId, projectId));
  const [station] = await drizzle(d1).select(publicColumns).from(stations).where(where);
  if (!station) throw new ApiError(404, "not_found", "Không có trạm này (unknown station)");
  return { project, station, where };
}

export const stationRoutes = router()
  .get("/projects/:projectId/stations", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    await requireProject(c.env.DB, projectId);
    const rows = await drizzle(c.env.DB).select(publicColumns).from(stations).where(eq(stations.projectId, projectId)).orderBy(asc(stations.name));
    return c.json({ stations: rows });
  })
  .post("/projects/:projectId/stations", zValidator("param", ProjectIdParam), zValidator("json", StationCreateSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { name } = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const token = newToken("st");
    const id = newStationId();
    const db = drizzle(c.env.DB);
    await commitChange(c, project, [db.insert(stations).values({ id, projectId, name, tokenHash: await sha256Hex(token) })], { action: "station.create", target: `${name} (${id})`, after: { id, name } });
    // The token is shown here once; only its hash is kept.
    return c.json({ id, name, projectId, token }, 201);
  })
  .patch("/projects/:projectId/stations/:stationId", zValidator("param", StationParams), zValidator("json", StationRenameSchema), async (c) => {
    const { projectId, stationId } = c.req.valid("param");
    const { name } = c.req.valid("json");
    const { project, station, where } = await findStation(c.env.DB, projectId, stationId);
    const db = drizzle(c.env.DB);
    // The token stays: renaming a scan PC must not stop it posting.
    await commitChange(c, project, [db.update(stations).set({ name }).where(where)], { action: "station.rename", target: `${name} (${stationId})`, before: station, after: { ...station, name } });
    return c.json({ ...station, name }, 200);
  })
  .post("/projects/:projectId/stations/:stationId/rotate", zValidator("param", StationParams), async (c) => {
    const { projectId, stationId } = c.req.valid("param");
    const { project, station, where } = await findStation(c.env.DB, projectId, stationId);
    const db = drizzle(c.env.DB);
    const token = newToken("st");
    // The old token stops working with this write: the project's object reloads its stations' token
    // hashes (commitChange), and refuses a post whose token a worker still holds in its cache.
    await commitChange(c, project, [db.update(stations).set({ tokenHash: await sha256Hex(token), revokedAt: null }).where(where)], { action: "station.rotate", target: `${station.name} (${stationId})` });
    return c.json({ id: stationId, name: station.name, projectId, token }, 200);
  })
  .delete("/projects/:projectId/stations/:stationId", zValidator("param", StationParams), async (c) => {
    const { projectId, stationId } = c.req.valid("param");
    const { project, station, where } = await findStation(c.env.DB, projectId, stationId);
    const db = drizzle(c.env.DB);
    const revokedAt = station.revokedAt ?? Date.now();
    await commitChange(c, project, [db.update(stations).set({ revokedAt }).where(where)], { action: "station.revoke", target: `${station.name} (${stationId})`, before: station, after: { ...station, revokedAt } });
    return c.json({ ...station, revokedAt }, 200);
  })
  .get("/projects/:projectId/station", zValidator("param", ProjectIdParam), async (c) => {
    const p = c.var.principal;
    if (p.kind !== "station") throw new ApiError(403, "forbidden", "Chỉ dành cho trạm quét (stations only)");
    const view = await roomFor(c.env, c.req.valid("param").projectId).stationView(p.station.id);
    if (!view) throw new ApiError(404, "not_found", "Không có trạm này (unknown station)");
    return c.json(view);
  });
