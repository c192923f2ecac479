// The OpenAPI 3.1 document of every route the app serves. Most routes are plain Hono routes validated by
// zValidator; they are documented from the table in worker/openapi/ops-*.ts, which names the same zod
// schemas their validators use. Security and the errors every route shares come from the route's access
// rule (worker/auth/policy.ts), so the document cannot promise access the middleware refuses.
// test/unit/openapi.test.ts builds this same document, checks it against app.routes and POLICY, and lints it.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ErrorSchema } from "../../schema/api";
import { POLICY, refusedWhenArchived, type Rule } from "../auth/policy";
import { SESSION_COOKIE } from "../auth/sessions";
import type { AppEnv } from "../lib/app-env";
import { DISPLAY_COOKIE } from "../auth/displays";
import { ACCESS_OPERATIONS } from "./ops-access";
import { ADMIN_OPERATIONS } from "./ops-admin";
import { DISPLAY_OPERATIONS } from "./ops-displays";
import { PEOPLE_OPERATIONS } from "./ops-people";
import { ALERT_OPERATIONS } from "./ops-alerts";
import { PROJECT_OPERATIONS } from "./ops-projects";
import { REPORT_OPERATIONS } from "./ops-reports";
import { errorContent, registerOperation, splitKey, TAGS, type Documented } from "./operation";

export type OpenApiDocument = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;
type OperationObject = NonNullable<NonNullable<OpenApiDocument["paths"]>[string]["get"]>;
type SecurityRequirementObject = Record<string, string[]>;

export const OPERATIONS: Record<string, Documented> = { ...ACCESS_OPERATIONS, ...PEOPLE_OPERATIONS, ...ADMIN_OPERATIONS, ...PROJECT_OPERATIONS, ...ALERT_OPERATIONS, ...REPORT_OPERATIONS, ...DISPLAY_OPERATIONS };

const SAFE = new Set(["get", "head", "options"]);
const WRITES = new Set(["post", "put", "patch"]);

/** Adds the table's routes and the security schemes to the app's registry, next to its createRoute ones. */
export function registerDocumentation(app: OpenAPIHono<AppEnv>): void {
  const registry = app.openAPIRegistry;
  registry.register("Error", ErrorSchema);
  registry.registerComponent("securitySchemes", "stationToken", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "st_…",
    description: "A station token (`st_…`), shown once when an administrator adds the station or issues it a new token. Only the station routes of its own project accept it.",
  });
  registry.registerComponent("securitySchemes", "operatorToken", {
    type: "http",
    scheme: "bearer",
    description: "The deployment's operator token (the `ADMIN_TOKEN` secret), with system-administrator rights: for provisioning and scripts. No CSRF token is needed with it.",
  });
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The dashboard's session, set by `POST /api/v1/auth/login` (HttpOnly, SameSite=Strict, 7 days).",
  });
  registry.registerComponent("securitySchemes", "displayCookie", {
    type: "apiKey",
    in: "cookie",
    name: DISPLAY_COOKIE,
    description: "A wall screen's display code, set by `POST /api/v1/display/session`: reads its wall (overview, snapshot, live feed) as a leader would, nothing else.",
  });
  registry.registerComponent("securitySchemes", "csrfToken", {
    type: "apiKey",
    in: "header",
    name: "X-CSRF-Token",
    description: "The session's CSRF token (from sign-in or `GET /api/v1/me`): required, with a same-origin `Origin`, on every write authenticated by the session cookie.",
  });
  for (const [key, op] of Object.entries(OPERATIONS)) if (!("inRoute" in op)) registerOperation(registry, key, op);
}

/** Who may call a route, as OpenAPI says it: alternatives, each a set of credentials sent together. */
export function securityFor(rule: Rule, method: string): SecurityRequirementObject[] {
  if (rule.kind === "public") return [];
  if (rule.kind === "station") return [{ stationToken: [] }];
  if (rule.kind === "display") return [{ displayCookie: [] }];
  const wall = (rule.kind === "project" || rule.kind === "province") && rule.wall ? [{ displayCookie: [] }] : [];
  const session: SecurityRequirementObject = SAFE.has(method) ? { sessionCookie: [] } : { sessionCookie: [], csrfToken: [] };
  return [session, { operatorToken: [] }, ...wall];
}

function sharedErrors(rule: Rule | undefined, method: string, path: string, op: OperationObject): Record<string, string> {
  const errors: Record<string, string> = {};
  if ((op.parameters?.length ?? 0) > 0 || op.requestBody) errors[400] = "Invalid input; `details` lists each bad field as {path, message}";
  // The middleware checks any bearer token sent, even where none is needed.
  if (rule?.kind === "public") errors[401] = "A bearer token was sent and is not valid (this route needs none)";
  if (rule && rule.kind !== "public") {
    const station = rule.kind === "station";
    errors[401] = station ? "Missing or invalid station token" : "Not signed in, or an invalid bearer token";
    errors[403] = station
      ? "The token belongs to another project"
      : SAFE.has(method)
        ? "The caller's role does not allow this"
        : "The caller's role does not allow this, or a cookie write without the session's X-CSRF-Token or from another Origin";
  }
  if (path.includes("{")) errors[404] = "Unknown project, province or other item named in the path";
  if (refusedWhenArchived(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`)) errors[409] = "The project is archived: read-only, nothing changed (`code` \"archived\")";
  if (WRITES.has(method)) {
    errors[413] = "Body over the size limit";
    errors[415] = "A body not sent as application/json; nothing changed";
  }
  return errors;
}

export function openApiDocument(app: OpenAPIHono<AppEnv>): OpenApiDocument {
  const doc = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Số hóa tài liệu lưu trữ — live progress API",
      version: "1.0.0",
      description:
        "Counters from scan stations and the live progress of digitization projects. Scripts authenticate with a bearer token: the operator token (provisioning, system-administrator rights) or a station token (posting counters). Every request body is JSON (415 otherwise); every date lies between 2000-01-01 and 2100-12-31; text is normalised to Unicode NFC and must be well-formed UTF-16. Quantities in answers are integers in the kind's smallest unit (metres as centimetres). Errors have the shape `{error: {code, message, details}}`.",
    },
    servers: [{ url: "/", description: "The deployment that serves this document" }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
  });
  const documented = new Map(Object.entries(OPERATIONS).map(([key, op]) => [splitKey(key).join(" "), op]));
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ["get", "put", "post", "delete", "patch"] as const) {
      const op = item[method];
      if (!op) continue;
      const honoPath = path.replace(/\{([^}]+)\}/g, ":$1");
      const rule = POLICY[`${method.toUpperCase()} ${honoPath}`];
      if (rule) op.security = securityFor(rule, method);
      const entry = documented.get(`${method.toUpperCase()} ${path}`);
      if (entry && "inRoute" in entry) {
        op.operationId ??= entry.operationId;
        op.tags ??= [entry.tag];
      }
      op.responses ??= {};
      for (const [status, description] of Object.entries(sharedErrors(rule, method, path, op))) {
        op.responses[status] ??= { description, content: errorContent };
      }
    }
  }
  return doc;
}
