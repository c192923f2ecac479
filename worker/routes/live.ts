// Where counters are fanned out: the WebSocket feed and the HTTP snapshot of one project.
import { createRoute, z } from "@hono/zod-openapi";
import { ErrorSchema, ProjectIdParam } from "../../schema/api";
import type { Viewer } from "../../schema/wire";
import { displaySocketId } from "../auth/displays";
import { checkFeedUpgrade } from "../auth/feed-upgrade";
import { seesRestricted, type Principal } from "../auth/policy";
import { router, roomFor } from "../lib/app-env";
import { OPERATOR } from "../lib/actor";
import { ApiError } from "../lib/errors";
import type { SocketAttachment } from "../live/sockets";

const snapshotRoute = createRoute({
  method: "get",
  path: "/projects/{projectId}/snapshot",
  summary: "Live totals of one project (the same snapshot the WebSocket feed sends first)",
  request: { params: ProjectIdParam },
  responses: {
    200: { description: "Snapshot (schema/wire.ts `Snapshot`)", content: { "application/json": { schema: z.any() } } },
    404: { description: "Unknown project", content: { "application/json": { schema: ErrorSchema } } },
  },
});

// `frames`: the delta encoding (schema/wire.ts CompactDelta); without it, plain `delta` messages, which
// dashboards built before the compact encoding understand.
export const LiveQuery = z.strictObject({ since: z.coerce.number().int().min(0).optional(), frames: z.enum(["json", "compact"]).optional() });

function viewerOf(p: Principal, role: string | null): Viewer {
  if (p.kind === "user") return { id: p.session.user.id, name: p.session.user.name, role: role ?? "leader" };
  if (p.kind === "display") return { id: displaySocketId(p.display.id), name: p.display.name, role: "leader" };
  return { ...OPERATOR, role: "admin" };
}

export const live = router()
  .openapi(snapshotRoute, async (c) => {
    const snap = await roomFor(c.env, c.req.valid("param").projectId).snapshot(seesRestricted(c.var.role));
    if (!snap) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
    return c.json(snap, 200);
  })
  .get("/projects/:projectId/live", async (c) => {
    const { projectId } = ProjectIdParam.parse(c.req.param());
    const query = LiveQuery.safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, "validation_failed", "Tham số không hợp lệ (invalid query)");
    checkFeedUpgrade(c);
    const p = c.var.principal;
    const watcher: SocketAttachment = {
      viewer: viewerOf(p, c.var.role),
      seesRestricted: seesRestricted(c.var.role),
      // A display's sockets close when it is revoked (worker/routes/displays.ts).
      sessionId: p.kind === "user" ? p.session.idHash : p.kind === "display" ? displaySocketId(p.display.id) : null,
    };
    const headers = new Headers(c.req.raw.headers);
    headers.set("X-Watcher", encodeURIComponent(JSON.stringify(watcher))); // headers are ASCII; names are Vietnamese
    const res = await roomFor(c.env, projectId).fetch(new Request(c.req.raw.url, { headers }));
    if (res.status === 404) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
    return res;
  });
