// Every API route × every kind of caller. The expectations below are written independently of
// worker/auth/policy.ts, and the routes come from the app itself: a new route without a line here fails.
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../worker/app";
import { api, createProject, OPERATOR, signIn, type SignedIn } from "./helpers";

type Who =
  | "anonymous"
  | "stationA"
  | "stationB"
  | "leaderA"
  | "projectLeaderA"
  | "supervisorA"
  | "adminA"
  | "leaderB"
  // An administrator of province B: nothing of province A is theirs.
  | "adminB"
  | "operator"
  // A system administrator signed in with the dashboard's cookie (CSRF token included), not the operator token.
  | "systemAdmin"
  // Wall-screen displays (cookie, as the wall page holds it): project A's, province A's, province B's.
  | "displayProjectA"
  | "displayProvinceA"
  | "displayProvinceB";

const SIGNED_IN: Who[] = ["leaderA", "projectLeaderA", "supervisorA", "adminA", "leaderB", "adminB", "operator", "systemAdmin"];
const DISPLAYS: Who[] = ["displayProjectA", "displayProvinceA", "displayProvinceB"];
const EVERYONE: Who[] = ["anonymous", "stationA", "stationB", ...SIGNED_IN, ...DISPLAYS];
const VIEW_PROJECT_A: Who[] = ["leaderA", "projectLeaderA", "supervisorA", "adminA", "operator", "systemAdmin"];
const VIEW_PROVINCE_A: Who[] = ["leaderA", "supervisorA", "adminA", "operator", "systemAdmin"];
const ADMIN_A: Who[] = ["adminA", "operator", "systemAdmin"];
/** What a wall shows: a display reads its own scope's live figures and nothing else. */
const WALL_PROJECT_A: Who[] = [...VIEW_PROJECT_A, "displayProjectA", "displayProvinceA"];
const WALL_PROVINCE_A: Who[] = [...VIEW_PROVINCE_A, "displayProvinceA"];

const EXPECT: Record<string, Who[]> = {
  "GET /api/v1/openapi.json": EVERYONE,
  "POST /api/v1/auth/login": EVERYONE,
  "GET /api/v1/first-run": EVERYONE,
  // Allowed to system administrators, and then refused by the route itself once any account exists (409).
  "POST /api/v1/first-run": ["operator", "systemAdmin"],
  "POST /api/v1/auth/logout": SIGNED_IN,
  "GET /api/v1/me": SIGNED_IN,
  "POST /api/v1/me/password": SIGNED_IN,
  "POST /api/v1/auth/logout-all": SIGNED_IN,
  "GET /api/v1/provinces": SIGNED_IN,
  "POST /api/v1/provinces": ["operator", "systemAdmin"],
  "GET /api/v1/users": SIGNED_IN,
  "POST /api/v1/users": ["operator", "systemAdmin"],
  // The path's user holds no role, so no province admin may manage them (worker/auth/policy.ts "user-admin").
  "POST /api/v1/users/:userId/disable": ["operator", "systemAdmin"],
  "POST /api/v1/users/:userId/enable": ["operator", "systemAdmin"],
  "POST /api/v1/users/:userId/password-reset": ["operator", "systemAdmin"],
  "GET /api/v1/provinces/:provinceId/overview": WALL_PROVINCE_A,
  "GET /api/v1/provinces/:provinceId/live": WALL_PROVINCE_A,
  // A role on one project watches no province whole: the route itself says no.
  "GET /api/v1/national/live": ["leaderA", "supervisorA", "adminA", "leaderB", "adminB", "operator", "systemAdmin"],
  "POST /api/v1/provinces/:provinceId/projects": ADMIN_A,
  "POST /api/v1/provinces/:provinceId/members": ADMIN_A,
  "DELETE /api/v1/provinces/:provinceId/members/:userId": ADMIN_A,
  "POST /api/v1/provinces/:provinceId/users": ADMIN_A,
  "POST /api/v1/members": ["operator", "systemAdmin"],
  "DELETE /api/v1/members/:userId": ["operator", "systemAdmin"],
  "GET /api/v1/provinces/:provinceId/audit": ADMIN_A,
  "POST /api/v1/display/session": EVERYONE,
  "GET /api/v1/display": DISPLAYS,
  "GET /api/v1/provinces/:provinceId/displays": ADMIN_A,
  "POST /api/v1/provinces/:provinceId/displays": ADMIN_A,
  "DELETE /api/v1/provinces/:provinceId/displays/:displayId": ADMIN_A,
  "GET /api/v1/projects/:projectId/displays": ADMIN_A,
  "POST /api/v1/projects/:projectId/displays": ADMIN_A,
  "DELETE /api/v1/projects/:projectId/displays/:displayId": ADMIN_A,
  "POST /api/v1/projects/:projectId/counters": ["stationA"],
  "GET /api/v1/projects/:projectId/station": ["stationA"],
  "GET /api/v1/projects/:projectId/snapshot": WALL_PROJECT_A,
  "GET /api/v1/projects/:projectId/live": WALL_PROJECT_A,
  "POST /api/v1/projects/:projectId/plan/import": ADMIN_A,
  "POST /api/v1/projects/:projectId/plan/preview": ADMIN_A,
  "PATCH /api/v1/projects/:projectId/fonds/:fondsCode": ADMIN_A,
  "GET /api/v1/projects/:projectId/stations": ADMIN_A,
  "POST /api/v1/projects/:projectId/stations": ADMIN_A,
  "POST /api/v1/projects/:projectId/stations/:stationId/rotate": ADMIN_A,
  "PATCH /api/v1/projects/:projectId/stations/:stationId": ADMIN_A,
  "DELETE /api/v1/projects/:projectId/stations/:stationId": ADMIN_A,
  "POST /api/v1/projects/:projectId/members": ADMIN_A,
  "DELETE /api/v1/projects/:projectId/members/:userId": ADMIN_A,
  "GET /api/v1/projects/:projectId/audit": ADMIN_A,
  "GET /api/v1/audit": ["operator", "systemAdmin"],
  "POST /api/v1/projects/:projectId/archive": ADMIN_A,
  "POST /api/v1/projects/:projectId/unarchive": ADMIN_A, // a province admin; a project admin may archive only
  "GET /api/v1/projects/:projectId/alert-rules": VIEW_PROJECT_A,
  "POST /api/v1/projects/:projectId/alert-rules": ADMIN_A,
  "PATCH /api/v1/projects/:projectId/alert-rules/:ruleId": ADMIN_A,
  "DELETE /api/v1/projects/:projectId/alert-rules/:ruleId": ADMIN_A,
  "GET /api/v1/projects/:projectId/contact-points": ADMIN_A,
  "POST /api/v1/projects/:projectId/contact-points": ADMIN_A,
  "DELETE /api/v1/projects/:projectId/contact-points/:contactPointId": ADMIN_A,
  "POST /api/v1/projects/:projectId/contact-points/:contactPointId/test": ADMIN_A,
  "GET /api/v1/projects/:projectId/contact-points/:contactPointId/deliveries": ADMIN_A,
  "GET /api/v1/projects/:projectId/deliveries": ADMIN_A,
  "GET /api/v1/projects/:projectId/alerts": VIEW_PROJECT_A,
  "GET /api/v1/projects/:projectId/alerts/history": VIEW_PROJECT_A,
  "POST /api/v1/projects/:projectId/alerts/ack": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "POST /api/v1/projects/:projectId/alerts/silence": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "POST /api/v1/projects/:projectId/alerts/unsilence": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "GET /api/v1/projects/:projectId/calendar": VIEW_PROJECT_A,
  "PUT /api/v1/projects/:projectId/calendar": ADMIN_A,
  "POST /api/v1/projects/:projectId/plan/periods": ADMIN_A,
  "POST /api/v1/projects/:projectId/plan/move": ADMIN_A,
  "GET /api/v1/projects/:projectId/plan/moves": VIEW_PROJECT_A,
  "GET /api/v1/projects/:projectId/reports": VIEW_PROJECT_A,
  "POST /api/v1/projects/:projectId/reports": VIEW_PROJECT_A,
  "GET /api/v1/projects/:projectId/reports/:reportId": VIEW_PROJECT_A,
  "GET /api/v1/projects/:projectId/reports/:reportId/csv": VIEW_PROJECT_A,
  "GET /api/v1/projects/:projectId/reports/:reportId/xlsx": VIEW_PROJECT_A,
  "GET /api/v1/projects/:projectId/reports/:reportId/docx": VIEW_PROJECT_A,
  "PUT /api/v1/projects/:projectId/report-document": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "PUT /api/v1/projects/:projectId/reports/:reportId/notes": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "GET /api/v1/projects/:projectId/reporting-calendar": VIEW_PROJECT_A,
  "POST /api/v1/projects/:projectId/reports/catch-up": VIEW_PROJECT_A,
  "POST /api/v1/projects/:projectId/reports/:reportId/submit": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "POST /api/v1/projects/:projectId/reports/:reportId/receive": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "POST /api/v1/projects/:projectId/reports/:reportId/correction": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "POST /api/v1/projects/:projectId/corrections": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "GET /api/v1/projects/:projectId/corrections": VIEW_PROJECT_A,
  "GET /api/v1/projects/:projectId/counted": VIEW_PROJECT_A,
  "POST /api/v1/projects/:projectId/verifications": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "GET /api/v1/projects/:projectId/verifications": VIEW_PROJECT_A,
  "POST /api/v1/projects/:projectId/acceptances": ["supervisorA", "adminA", "operator", "systemAdmin"],
  "GET /api/v1/projects/:projectId/acceptances/report": VIEW_PROJECT_A,
};

/** Every route the app answers, from the app itself (middleware and the /api/* catch-all are "ALL"). */
function appRoutes(): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))].sort();
}

describe("access control: every route × every caller", () => {
  const callers = {} as Record<Who, Record<string, string>>;
  let projectA = "";
  let provinceA = "";
  let provinceB = "";

  /** Fresh sessions for the signed-in people: the sign-out routes end theirs. */
  async function signInPeople(): Promise<void> {
    const asUser = (s: SignedIn) => s.headers;
    callers.leaderA = asUser(await signIn("Lãnh đạo A", "leader", { provinceId: provinceA }));
    callers.projectLeaderA = asUser(await signIn("Lãnh đạo dự án A", "leader", { projectId: projectA }));
    callers.supervisorA = asUser(await signIn("Giám sát A", "supervisor", { provinceId: provinceA }));
    callers.adminA = asUser(await signIn("Quản trị A", "admin", { provinceId: provinceA }));
    callers.leaderB = asUser(await signIn("Lãnh đạo B", "leader", { provinceId: provinceB }));
    callers.adminB = asUser(await signIn("Quản trị B", "admin", { provinceId: provinceB }));
    callers.systemAdmin = asUser(await signIn("Quản trị hệ thống", "admin", {}));
  }

  beforeAll(async () => {
    const a = await createProject(1);
    const b = await createProject(1);
    projectA = a.projectId;
    provinceA = a.provinceId;
    provinceB = b.provinceId;
    callers.anonymous = { "Content-Type": "application/json" };
    callers.stationA = { Authorization: `Bearer ${a.tokens[0]}`, "Content-Type": "application/json" };
    callers.stationB = { Authorization: `Bearer ${b.tokens[0]}`, "Content-Type": "application/json" };
    await signInPeople();
    callers.operator = { ...OPERATOR, "Content-Type": "application/json" };
    const display = async (path: string) => {
      const res = await api(path, { method: "POST", headers: callers.operator, body: JSON.stringify({ name: "Phòng họp" }) });
      return { Cookie: `display=${((await res.json()) as { token: string }).token}`, "Content-Type": "application/json" };
    };
    callers.displayProjectA = await display(`/projects/${projectA}/displays`);
    callers.displayProvinceA = await display(`/provinces/${provinceA}/displays`);
    callers.displayProvinceB = await display(`/provinces/${provinceB}/displays`);
  });

  it("has an expectation for every route the app serves, and no stale ones", () => {
    expect(appRoutes()).toEqual(Object.keys(EXPECT).sort());
  });

  const routes = appRoutes().sort((x, y) => Number(x.includes("logout")) - Number(y.includes("logout"))); // sign-out last
  it.each(routes)("%s", async (route) => {
    const allowed = EXPECT[route];
    expect(allowed, `no expectation for ${route}: add it to EXPECT in this file`).toBeDefined();
    const [method, pattern] = route.split(" ") as [string, string];
    // Harmless arguments: unknown ids and empty bodies, so an allowed call is refused by validation or 404, not carried out.
    const path = pattern
      .replace(":projectId", projectA)
      .replace(":provinceId", provinceA)
      .replace(":stationId", crypto.randomUUID())
      .replace(":userId", "no-such-user")
      .replace(":fondsCode", "no-such-fonds")
      .replace(":ruleId", crypto.randomUUID())
      .replace(":reportId", crypto.randomUUID())
      .replace(":contactPointId", crypto.randomUUID())
      .replace(":displayId", "nosuchdisplay")
      .replace("/api/v1", "");
    for (const who of Object.keys(callers) as Who[]) {
      const res = await api(path, { method, headers: callers[who], body: method === "GET" || method === "DELETE" ? undefined : "{}" });
      const denied = res.status === 401 || res.status === 403;
      expect(denied, `${who} → ${route}: ${res.status}`).toBe(!allowed!.includes(who));
      expect(res.status, `${who} → ${route}`).toBeLessThan(500);
    }
    if (route.includes("/auth/logout")) await signInPeople();
  });
});
