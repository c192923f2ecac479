// Documentation of worker/routes/auth.ts, account.ts, provinces.ts, audit.ts and the document itself,
// with the schemas their validators use (people and roles: ops-people.ts).
import { AuditQuery, LoginSchema, PasswordChangeSchema, ProjectCreateSchema, ProjectIdParam, ProvinceCreateSchema, ProvinceIdParam } from "../../schema/api";
import type { Documented } from "./operation";
import * as R from "./responses";

export const ACCESS_OPERATIONS: Record<string, Documented> = {
  "GET /api/v1/openapi.json": {
    operationId: "getOpenApiDocument",
    tag: "meta",
    summary: "This OpenAPI 3.1 document",
    ok: { description: "The document", schema: R.OpenApiDocument },
  },
  "POST /api/v1/auth/login": {
    operationId: "signIn",
    tag: "auth",
    summary: "Sign in with email and password",
    description:
      "Sets the HttpOnly session cookie (7 days) and returns the session's CSRF token, to send as `X-CSRF-Token` with every cookie-authenticated write. Scripts use a bearer token instead (the operator token or a station token) and need neither.",
    body: LoginSchema,
    ok: { description: "Signed in; the session cookie is set", schema: R.Login },
    errors: {
      401: "Wrong email or password, or a disabled account (the two are not told apart)",
      403: "Sent from a page of another origin",
      429: "Five failed sign-ins for this email within 15 minutes; see Retry-After",
    },
  },
  "POST /api/v1/auth/logout": {
    operationId: "signOut",
    tag: "auth",
    summary: "Sign out this session",
    description: "Ends the session and closes its live feeds at once.",
    ok: { description: "Signed out", schema: R.Ok },
  },
  "POST /api/v1/auth/logout-all": {
    operationId: "signOutEverywhere",
    tag: "auth",
    summary: "Sign out every session of this account",
    ok: { description: "Every session of the account ended", schema: R.Ok },
  },
  "GET /api/v1/me": {
    operationId: "getMe",
    tag: "auth",
    summary: "Who is calling: the user, their roles and the session's CSRF token",
    ok: { description: "The caller", schema: R.Me },
  },
  "POST /api/v1/me/password": {
    operationId: "changePassword",
    tag: "auth",
    summary: "Change one's own password (đổi mật khẩu)",
    description: "Ends every other session of the account; this one stays signed in.",
    body: PasswordChangeSchema,
    ok: { description: "Changed", schema: R.PasswordChanged },
    errors: { 400: "Invalid input, a wrong current password (field `currentPassword`), or called with the operator token, which has no password" },
  },
  "GET /api/v1/provinces": {
    operationId: "listProvinces",
    tag: "provinces",
    summary: "Provinces and their projects, as far as the caller may see them",
    ok: { description: "Provinces", schema: R.Provinces },
  },
  "POST /api/v1/provinces": {
    operationId: "putProvince",
    tag: "provinces",
    summary: "Create a province, or rename it (thêm tỉnh)",
    body: ProvinceCreateSchema,
    ok: { status: 201, description: "Created", schema: R.Province, alsoStatus: { status: 200, description: "Renamed" } },
  },
  "GET /api/v1/provinces/:provinceId/overview": {
    operationId: "getProvinceOverview",
    tag: "provinces",
    summary: "Leadership overview: every project of the province with live totals against plan",
    params: ProvinceIdParam,
    ok: { description: "Overview", schema: R.Overview },
  },
  "GET /api/v1/provinces/:provinceId/live": {
    operationId: "openProvinceFeed",
    tag: "live",
    summary: "The province feed: one WebSocket with a card per project of the province",
    description:
      "Send `Upgrade: websocket`. The first message is `cards` with `whole: true` (every project of the province the caller may see, as schema/project-card.ts makes it from the project's own snapshot); then `cards` with `whole: false`: for each card that changed, only its changed fields (with `projectId`), at most twice a second. Leaders get cards without restricted fonds. A session cookie must come with the dashboard's own `Origin`. Closed with 4001 when the session ends, 4003 when the caller's rights or the province's projects change (reconnect).",
    params: ProvinceIdParam,
    ok: { status: 101, description: "Switching to the WebSocket protocol" },
    errors: { 403: "Without a province-wide role, or a cookie sent from another origin", 404: "Unknown province", 426: "Called without `Upgrade: websocket`" },
  },
  "GET /api/v1/national/live": {
    operationId: "openNationalFeed",
    tag: "live",
    summary: "The national feed: one WebSocket with a line per province the caller watches whole",
    description:
      "Send `Upgrade: websocket`. The first message is `provinces` with `whole: true`: a line per province where the caller holds a province-wide role (every province for a system-wide role), summed from its projects' cards as a leader sees them (schema/province-summary.ts; restricted fonds never reach it). Then `provinces` with `whole: false`: for each province that changed, only its changed fields, at most twice a second. A session cookie must come with the dashboard's own `Origin`. Closed with 4001 when the session ends, 4003 when a province is added.",
    ok: { status: 101, description: "Switching to the WebSocket protocol" },
    errors: { 403: "Without a province-wide role anywhere, or a cookie sent from another origin", 426: "Called without `Upgrade: websocket`" },
  },
  "POST /api/v1/provinces/:provinceId/projects": {
    operationId: "putProject",
    tag: "projects",
    summary: "Create a project in the province, or update its details (tạo dự án)",
    params: ProvinceIdParam,
    body: ProjectCreateSchema,
    ok: { status: 201, description: "Created", schema: R.Project, alsoStatus: { status: 200, description: "Updated" } },
    errors: { 409: "The project id is taken in another province (`code` \"conflict\"), or the project is archived (`code` \"archived\")" },
  },
  "GET /api/v1/provinces/:provinceId/audit": {
    operationId: "getProvinceAudit",
    tag: "audit",
    summary: "The province's audit log, newest first, 100 entries a page",
    params: ProvinceIdParam,
    query: AuditQuery,
    ok: { description: "A page of entries", schema: R.Audit },
  },
  "GET /api/v1/projects/:projectId/audit": {
    operationId: "getProjectAudit",
    tag: "audit",
    summary: "The project's audit log, newest first, 100 entries a page",
    params: ProjectIdParam,
    query: AuditQuery,
    ok: { description: "A page of entries", schema: R.Audit },
  },
};
