// Who may call what: one rule per API route, decided in one place (worker/auth/middleware.ts).
// A route without a rule is refused, and test/integration/access.test.ts fails for it.
import type { Role } from "../../schema/db";
import { displayReaches, type DisplayIdentity } from "./displays";
import type { Membership, Session } from "./sessions";
import type { StationIdentity } from "./tokens";

export type Rule =
  | { kind: "public" }
  | { kind: "signed-in" }
  /** A station token of the project in the path. */
  | { kind: "station" }
  | { kind: "system-admin" }
  /** A wall-screen display token (worker/auth/displays.ts): what it needs to know about itself. */
  | { kind: "display" }
  /** At least `min` on the province in the path; `wall`: a display of that province may read it too. */
  | { kind: "province"; min: Role; wall?: true }
  /** At least `min` on the project in the path, directly or through its province; `wall`: a display of it too. */
  | { kind: "project"; min: Role; wall?: true }
  /**
   * The user in the path: a system admin, or an admin of a province when every role that user holds
   * lies in that province (province-wide, or on one of its projects). So a province admin manages the
   * province's own people, never a system admin nor someone who also works for another province, and a
   * user without any role is left to system admins. Project admins manage roles, not accounts.
   */
  | { kind: "user-admin" };

const P = (min: Role): Rule => ({ kind: "project", min });
const V = (min: Role): Rule => ({ kind: "province", min });
/** What a wall screen reads: leaders and the displays of that scope, which see what a leader sees. */
const WALL_PROJECT: Rule = { kind: "project", min: "leader", wall: true };
const WALL_PROVINCE: Rule = { kind: "province", min: "leader", wall: true };

export const POLICY: Record<string, Rule> = {
  "GET /api/v1/openapi.json": { kind: "public" },
  "POST /api/v1/auth/login": { kind: "public" },
  // Whether the deployment is still empty, for the sign-in page's first-run form.
  "GET /api/v1/first-run": { kind: "public" },
  // The operator token opens the first account; once any exists the route itself refuses everyone.
  "POST /api/v1/first-run": { kind: "system-admin" },
  "POST /api/v1/auth/logout": { kind: "signed-in" },
  "GET /api/v1/me": { kind: "signed-in" },
  "POST /api/v1/me/password": { kind: "signed-in" },
  "POST /api/v1/auth/logout-all": { kind: "signed-in" },
  "GET /api/v1/provinces": { kind: "signed-in" }, // filtered to what the caller may see
  "POST /api/v1/provinces": { kind: "system-admin" },
  "GET /api/v1/provinces/:provinceId/overview": WALL_PROVINCE,
  "GET /api/v1/provinces/:provinceId/live": WALL_PROVINCE,
  // Each caller gets the provinces it watches whole; none is 403 (worker/routes/province-live.ts).
  "GET /api/v1/national/live": { kind: "signed-in" },
  "POST /api/v1/provinces/:provinceId/projects": V("admin"),
  "POST /api/v1/provinces/:provinceId/members": V("admin"),
  "DELETE /api/v1/provinces/:provinceId/members/:userId": V("admin"),
  "POST /api/v1/provinces/:provinceId/users": V("admin"), // a new account with a role in this province
  "POST /api/v1/members": { kind: "system-admin" }, // system-wide roles
  "DELETE /api/v1/members/:userId": { kind: "system-admin" },
  "GET /api/v1/provinces/:provinceId/audit": V("admin"),
  "POST /api/v1/display/session": { kind: "public" }, // the wall trades its token for a cookie
  "GET /api/v1/display": { kind: "display" },
  "GET /api/v1/provinces/:provinceId/displays": V("admin"),
  "POST /api/v1/provinces/:provinceId/displays": V("admin"),
  "DELETE /api/v1/provinces/:provinceId/displays/:displayId": V("admin"),
  "GET /api/v1/projects/:projectId/displays": P("admin"),
  "POST /api/v1/projects/:projectId/displays": P("admin"),
  "DELETE /api/v1/projects/:projectId/displays/:displayId": P("admin"),
  "GET /api/v1/users": { kind: "signed-in" }, // filtered to people with a role where the caller is an admin
  "POST /api/v1/users": { kind: "system-admin" },
  "POST /api/v1/users/:userId/disable": { kind: "user-admin" },
  "POST /api/v1/users/:userId/enable": { kind: "user-admin" },
  "POST /api/v1/users/:userId/password-reset": { kind: "user-admin" },
  "POST /api/v1/projects/:projectId/counters": { kind: "station" },
  "GET /api/v1/projects/:projectId/station": { kind: "station" },
  "GET /api/v1/projects/:projectId/snapshot": WALL_PROJECT,
  "GET /api/v1/projects/:projectId/live": WALL_PROJECT,
  "POST /api/v1/projects/:projectId/plan/import": P("admin"),
  "POST /api/v1/projects/:projectId/plan/preview": P("admin"),
  "PATCH /api/v1/projects/:projectId/fonds/:fondsCode": P("admin"),
  "GET /api/v1/projects/:projectId/stations": P("admin"),
  "POST /api/v1/projects/:projectId/stations": P("admin"),
  "POST /api/v1/projects/:projectId/stations/:stationId/rotate": P("admin"),
  "PATCH /api/v1/projects/:projectId/stations/:stationId": P("admin"),
  "DELETE /api/v1/projects/:projectId/stations/:stationId": P("admin"),
  "POST /api/v1/projects/:projectId/members": P("admin"),
  "DELETE /api/v1/projects/:projectId/members/:userId": P("admin"),
  "GET /api/v1/projects/:projectId/audit": P("admin"),
  "GET /api/v1/audit": { kind: "system-admin" }, // every entry, those of no province included (system roles, people of several provinces)
  "POST /api/v1/projects/:projectId/archive": P("admin"),
  "POST /api/v1/projects/:projectId/unarchive": V("admin"), // the province's own admins (or system) bring it back
  "GET /api/v1/projects/:projectId/alert-rules": P("leader"),
  "POST /api/v1/projects/:projectId/alert-rules": P("admin"),
  "PATCH /api/v1/projects/:projectId/alert-rules/:ruleId": P("admin"),
  "DELETE /api/v1/projects/:projectId/alert-rules/:ruleId": P("admin"),
  "GET /api/v1/projects/:projectId/contact-points": P("admin"),
  "POST /api/v1/projects/:projectId/contact-points": P("admin"),
  "DELETE /api/v1/projects/:projectId/contact-points/:contactPointId": P("admin"),
  "POST /api/v1/projects/:projectId/contact-points/:contactPointId/test": P("admin"),
  "GET /api/v1/projects/:projectId/contact-points/:contactPointId/deliveries": P("admin"),
  "GET /api/v1/projects/:projectId/deliveries": P("admin"),
  "GET /api/v1/projects/:projectId/alerts": P("leader"),
  "GET /api/v1/projects/:projectId/alerts/history": P("leader"),
  "POST /api/v1/projects/:projectId/alerts/ack": P("supervisor"),
  "POST /api/v1/projects/:projectId/alerts/silence": P("supervisor"),
  "POST /api/v1/projects/:projectId/alerts/unsilence": P("supervisor"),
  "GET /api/v1/projects/:projectId/calendar": P("leader"),
  "PUT /api/v1/projects/:projectId/calendar": P("admin"),
  "POST /api/v1/projects/:projectId/plan/periods": P("admin"),
  "POST /api/v1/projects/:projectId/plan/move": P("admin"),
  "GET /api/v1/projects/:projectId/plan/moves": P("leader"),
  "GET /api/v1/projects/:projectId/reports": P("leader"),
  "POST /api/v1/projects/:projectId/reports": P("leader"), // leadership asks for ad-hoc reports
  "GET /api/v1/projects/:projectId/reports/:reportId": P("leader"),
  "GET /api/v1/projects/:projectId/reports/:reportId/csv": P("leader"),
  "GET /api/v1/projects/:projectId/reports/:reportId/xlsx": P("leader"),
  "GET /api/v1/projects/:projectId/reports/:reportId/docx": P("leader"),
  "PUT /api/v1/projects/:projectId/report-document": P("supervisor"), // the centre prepares what the department signs
  "PUT /api/v1/projects/:projectId/reports/:reportId/notes": P("supervisor"),
  "GET /api/v1/projects/:projectId/reporting-calendar": P("leader"),
  "POST /api/v1/projects/:projectId/reports/catch-up": P("leader"), // writes only what is already owed
  "POST /api/v1/projects/:projectId/reports/:reportId/submit": P("supervisor"), // the centre signs off
  "POST /api/v1/projects/:projectId/reports/:reportId/receive": P("supervisor"), // the department takes it in
  "POST /api/v1/projects/:projectId/reports/:reportId/correction": P("supervisor"), // the centre corrects what it signed
  "POST /api/v1/projects/:projectId/corrections": P("supervisor"),
  "GET /api/v1/projects/:projectId/corrections": P("leader"),
  "GET /api/v1/projects/:projectId/counted": P("leader"),
  "POST /api/v1/projects/:projectId/verifications": P("supervisor"),
  "GET /api/v1/projects/:projectId/verifications": P("leader"),
  "POST /api/v1/projects/:projectId/acceptances": P("supervisor"),
  "GET /api/v1/projects/:projectId/acceptances/report": P("leader"),
};

/**
 * Writes that stay open on an archived (lưu trữ) project: its reports are still made and filed, who may
 * read it is still managed, an alert it still raises can be acknowledged or silenced, and it can be
 * brought back. Every other write to it is refused with 409 (worker/auth/middleware.ts; counters by its
 * Durable Object, worker/live/room.ts).
 */
const OPEN_WHEN_ARCHIVED = new Set([
  "POST /api/v1/projects/:projectId/unarchive",
  "POST /api/v1/projects/:projectId/members",
  "DELETE /api/v1/projects/:projectId/members/:userId",
  "POST /api/v1/projects/:projectId/displays",
  "DELETE /api/v1/projects/:projectId/displays/:displayId",
  "POST /api/v1/projects/:projectId/reports",
  "POST /api/v1/projects/:projectId/reports/catch-up",
  "POST /api/v1/projects/:projectId/reports/:reportId/submit",
  "POST /api/v1/projects/:projectId/reports/:reportId/receive",
  "POST /api/v1/projects/:projectId/alerts/ack",
  "POST /api/v1/projects/:projectId/alerts/silence",
  "POST /api/v1/projects/:projectId/alerts/unsilence",
]);

/** `route` as POLICY keys it: a write to the project in its path that an archived project refuses. */
export function refusedWhenArchived(route: string): boolean {
  const [method, path = ""] = route.split(" ");
  return !["GET", "HEAD", "OPTIONS"].includes(method!) && path.startsWith("/api/v1/projects/:projectId") && !OPEN_WHEN_ARCHIVED.has(route);
}

export type Principal =
  | { kind: "anonymous" }
  /** The deployment's ADMIN_TOKEN: provisioning scripts and the local demo, with system-admin rights. */
  | { kind: "operator" }
  | { kind: "station"; station: StationIdentity }
  /** A wall screen: reads its wall and nothing else, as a leader would see it (no restricted fonds). */
  | { kind: "display"; display: DisplayIdentity }
  | { kind: "user"; session: Session };

const RANK: Record<Role, number> = { leader: 1, supervisor: 2, admin: 3 };

export function isSystemAdmin(p: Principal): boolean {
  return p.kind === "operator" || (p.kind === "user" && p.session.memberships.some((m) => m.role === "admin" && !m.provinceId && !m.projectId));
}

/** The strongest role a principal holds on a province, or on a project (which belongs to a province). */
export function roleOn(p: Principal, scope: { provinceId: string; projectId?: string }): Role | null {
  if (isSystemAdmin(p)) return "admin";
  if (p.kind !== "user") return null;
  let best: Role | null = null;
  for (const m of p.session.memberships as Membership[]) {
    const applies =
      (!m.provinceId && !m.projectId) ||
      (m.provinceId === scope.provinceId && !m.projectId) ||
      (scope.projectId !== undefined && m.projectId === scope.projectId);
    if (applies && (best === null || RANK[m.role] > RANK[best])) best = m.role;
  }
  return best;
}

/** Restricted and secret fonds (seed 001) are for the people who supervise or administer the work. */
export function seesRestricted(role: Role | null): boolean {
  return role === "admin" || role === "supervisor";
}

/** The "user-admin" rule: `userProvinces` is the province of each role the user holds (null: system-wide). */
export function administersUser(p: Principal, userProvinces: readonly (string | null)[]): boolean {
  if (isSystemAdmin(p)) return true;
  return userProvinces.length > 0 && userProvinces.every((provinceId) => provinceId !== null && roleOn(p, { provinceId }) === "admin");
}

export type Decision = { allow: true; role: Role | null } | { allow: false; status: 401 | 403 };

/**
 * `scope.provinceId` is the province in the path, or the province of the project in the path
 * (undefined when that project does not exist: only system admins pass, to get the 404).
 * `userProvinces`: for "user-admin", the province of each role the user in the path holds (null for a
 * system-wide role).
 */
export function decide(rule: Rule, p: Principal, scope: { provinceId?: string; projectId?: string; userProvinces?: (string | null)[] }): Decision {
  const deny: Decision = { allow: false, status: p.kind === "anonymous" ? 401 : 403 };
  if (p.kind === "display") {
    // Only its wall: never a route without the wall mark, whatever else the rule would let through.
    if (rule.kind === "public") return { allow: true, role: null };
    if (rule.kind === "display") return { allow: true, role: "leader" };
    if ((rule.kind === "project" || rule.kind === "province") && rule.wall && displayReaches(p.display, scope, rule.kind)) return { allow: true, role: "leader" };
    return deny;
  }
  switch (rule.kind) {
    case "display":
      return deny;
    case "public":
      return { allow: true, role: null };
    case "signed-in":
      return p.kind === "user" || p.kind === "operator" ? { allow: true, role: null } : deny;
    case "station":
      return p.kind === "station" && scope.projectId !== undefined && p.station.projectId === scope.projectId ? { allow: true, role: null } : deny;
    case "system-admin":
      return isSystemAdmin(p) ? { allow: true, role: "admin" } : deny;
    case "user-admin":
      return administersUser(p, scope.userProvinces ?? []) ? { allow: true, role: "admin" } : deny;
    case "province":
    case "project": {
      if (scope.provinceId === undefined) return isSystemAdmin(p) ? { allow: true, role: "admin" } : deny;
      const role = roleOn(p, { provinceId: scope.provinceId, projectId: rule.kind === "project" ? scope.projectId : undefined });
      return role !== null && RANK[role] >= RANK[rule.min] ? { allow: true, role } : deny;
    }
  }
}
