// Documentation of worker/routes/displays.ts (wall-screen display codes), with the schemas its
// validators use.
import { z } from "@hono/zod-openapi";
import { ProjectIdParam, ProvinceIdParam } from "../../schema/api";
import { DisplayCreateSchema, DisplaySessionSchema, ProjectDisplayParams, ProvinceDisplayParams } from "../../schema/api-displays";
import type { Documented } from "./operation";

const Display = z
  .object({ id: z.string(), name: z.string(), provinceId: z.string(), projectId: z.string().nullable(), createdAt: z.number(), lastUsedAt: z.number().nullable(), revokedAt: z.number().nullable() })
  .passthrough()
  .openapi("Display");
const Displays = z.object({ displays: z.array(Display) });
const DisplayCreated = Display.extend({ token: z.string().openapi({ description: "Shown once: the wall opens `/wall#display=<token>`" }), wallUrl: z.string().optional() }).passthrough();
const DisplaySelf = z.object({ display: Display, provinces: z.array(z.object({ id: z.string(), name: z.string(), projects: z.array(z.object({ id: z.string(), provinceId: z.string(), name: z.string() })) })) });

export const DISPLAY_OPERATIONS: Record<string, Documented> = {
  "POST /api/v1/display/session": {
    operationId: "openDisplaySession",
    tag: "displays",
    summary: "A wall screen trades its display code for its HttpOnly cookie (same origin only)",
    body: DisplaySessionSchema,
    ok: { description: "The display, and a `display` cookie set", schema: z.object({ display: Display }) },
  },
  "GET /api/v1/display": {
    operationId: "getDisplay",
    tag: "displays",
    summary: "The display signed in on this screen and the projects its wall rotates through",
    ok: { description: "The display and its scope", schema: DisplaySelf },
  },
  "GET /api/v1/provinces/:provinceId/displays": {
    operationId: "listProvinceDisplays",
    tag: "displays",
    summary: "The province's wall-screen displays (codes never listed)",
    params: ProvinceIdParam,
    ok: { description: "Displays", schema: Displays },
  },
  "POST /api/v1/provinces/:provinceId/displays": {
    operationId: "createProvinceDisplay",
    tag: "displays",
    summary: "A read-only display code for the province's wall, shown once",
    params: ProvinceIdParam,
    body: DisplayCreateSchema,
    ok: { status: 201, description: "Created, with its code", schema: DisplayCreated },
  },
  "DELETE /api/v1/provinces/:provinceId/displays/:displayId": {
    operationId: "revokeProvinceDisplay",
    tag: "displays",
    summary: "Revoke a display: its wall loses the feed at once",
    params: ProvinceDisplayParams,
    ok: { description: "Revoked", schema: Display },
  },
  "GET /api/v1/projects/:projectId/displays": {
    operationId: "listProjectDisplays",
    tag: "displays",
    summary: "The project's wall-screen displays (codes never listed)",
    params: ProjectIdParam,
    ok: { description: "Displays", schema: Displays },
  },
  "POST /api/v1/projects/:projectId/displays": {
    operationId: "createProjectDisplay",
    tag: "displays",
    summary: "A read-only display code for the project's wall, shown once",
    params: ProjectIdParam,
    body: DisplayCreateSchema,
    ok: { status: 201, description: "Created, with its code", schema: DisplayCreated },
  },
  "DELETE /api/v1/projects/:projectId/displays/:displayId": {
    operationId: "revokeProjectDisplay",
    tag: "displays",
    summary: "Revoke one of the project's displays: its wall loses the feed at once",
    params: ProjectDisplayParams,
    ok: { description: "Revoked", schema: Display },
  },
};
