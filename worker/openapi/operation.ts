// One documented route, keyed exactly like worker/auth/policy.ts ("POST /api/v1/projects/:projectId/…"),
// so the table, the access rules and `app.routes` can be compared by string. Security and the errors
// every route shares are not written per route: worker/openapi/document.ts derives them from the rule.
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import type { ZodObject, ZodType } from "zod";

export const TAGS = {
  auth: "Sign-in, sign-out and one's own account (đăng nhập, tài khoản)",
  provinces: "Provinces (tỉnh) and the leadership overview",
  projects: "Digitization projects (dự án): creation, plan import, fonds (phông) settings",
  plans: "The plan over time: working calendar, weekly/monthly targets, moving planned volume (kế hoạch)",
  stations: "Scan stations (trạm quét) and their tokens",
  counters: "Where scan stations post what they did, and read their own entry page",
  live: "Live totals: the WebSocket feed and its HTTP snapshot",
  alerts: "Alert rules, contact points (webhooks), alerts and their history (cảnh báo)",
  reports: "Progress reports (báo cáo), their exports and the reporting calendar",
  inspections: "Corrections, verified figures (đối soát) and accepted volume (nghiệm thu)",
  users: "Accounts and roles (người dùng, vai trò)",
  audit: "The append-only audit log (nhật ký)",
  displays: "Wall-screen displays (màn hình trình chiếu): read-only codes for the meeting-room screen",
  meta: "This document",
} as const;
export type Tag = keyof typeof TAGS;

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Errors a route answers beyond the ones every route of its kind shares, with what they mean there. */
type ExtraErrors = Partial<Record<400 | 401 | 403 | 404 | 409 | 426 | 429, string>>;

export interface Operation {
  operationId: string;
  tag: Tag;
  summary: string;
  description?: string;
  /** The schemas the route's own validators use: zValidator("param" | "query" | "json", …). */
  params?: ZodObject;
  query?: ZodObject;
  body?: ZodType;
  /** The success answer; `media` for a file download. */
  ok: { status?: 101 | 200 | 201; description: string; schema?: ZodType; media?: string; alsoStatus?: { status: 200 | 201; description: string } };
  errors?: ExtraErrors;
}

/** A route documented by its own `createRoute` (worker/routes/*.ts): only what that lacks is added here. */
export interface InRoute {
  inRoute: true;
  operationId: string;
  tag: Tag;
}

export type Documented = Operation | InRoute;

/** `GET /api/v1/projects/:projectId` → ["GET", "/api/v1/projects/{projectId}"] */
export function splitKey(key: string): [Method, string] {
  const [method, path] = key.split(" ") as [Method, string];
  return [method, path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")];
}

export const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

type Registry = OpenAPIHono["openAPIRegistry"];

export function registerOperation(registry: Registry, key: string, op: Operation): void {
  const [method, path] = splitKey(key);
  const { ok } = op;
  const success =
    ok.schema === undefined
      ? { description: ok.description }
      : { description: ok.description, content: { [ok.media ?? "application/json"]: { schema: ok.schema } } };
  const responses: RouteConfig["responses"] = { [ok.status ?? 200]: success };
  if (ok.alsoStatus) responses[ok.alsoStatus.status] = { ...success, description: ok.alsoStatus.description };
  for (const [status, description] of Object.entries(op.errors ?? {})) responses[status] = { description, content: errorContent };
  registry.registerPath({
    method: method.toLowerCase() as RouteConfig["method"],
    path,
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    request: {
      ...(op.params ? { params: op.params } : {}),
      ...(op.query ? { query: op.query } : {}),
      ...(op.body ? { body: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
    },
    responses,
  });
}
