// Where counters are fanned out: the WebSocket feed and the HTTP snapshot of one project.
import { createRoute, z } from "@hono/zod-openapi";
import { ErrorSchema, ProjectIdParam } from "../../schema/api";
import type { Viewer } from "../../schema/wire";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";

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

const LiveQuery = z.object({
  since: z.coerce.number().int().min(0).optional(),
  name: z.string().trim().max(60).optional(),
});

export const live = router()
  .openapi(snapshotRoute, async (c) => {
    const snap = await roomFor(c.env, c.req.valid("param").projectId).snapshot();
    if (!snap) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
    return c.json(snap, 200);
  })
  .get("/projects/:projectId/live", async (c) => {
    const { projectId } = ProjectIdParam.parse(c.req.param());
    const query = LiveQuery.safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, "validation_failed", "Tham số không hợp lệ (invalid query)");
    if (c.req.header("Upgrade") !== "websocket") throw new ApiError(426 as 400, "bad_request", "Cần nâng cấp WebSocket (WebSocket upgrade required)");
    // Until sign-in lands (issue 6) watchers are anonymous and name themselves.
    const viewer: Viewer = { id: crypto.randomUUID(), name: query.data.name || "Khách", role: "viewer" };
    const headers = new Headers(c.req.raw.headers);
    headers.set("X-Viewer", encodeURIComponent(JSON.stringify(viewer))); // headers are ASCII; names are Vietnamese
    const res = await roomFor(c.env, projectId).fetch(new Request(c.req.raw.url, { headers }));
    if (res.status === 404) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
    return res;
  });
