import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../schema/wire";
import { ADMIN, api, createProject, get, OPERATOR, post, signIn, Watcher, type SignedIn } from "./helpers";

const JSON_ONLY = { "Content-Type": "application/json" };
/** The password helpers.ts signIn gives every user. */
const PASSWORD = "mật-khẩu-đủ-dài-123";

async function login(email: string, password = PASSWORD): Promise<Response> {
  return post("/auth/login", { email, password }, JSON_ONLY);
}

/** A second device of the same person: another session of the same user. */
async function secondSession(user: SignedIn): Promise<SignedIn> {
  const res = await login(user.email);
  expect(res.status).toBe(200);
  const cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { ...user, cookie, headers: { Cookie: cookie, "X-CSRF-Token": csrfToken, ...JSON_ONLY } };
}

/** A system-wide administrator: no API grants that role (provisioning does), so it goes into D1 directly. */
async function systemAdmin(): Promise<SignedIn> {
  const { provinceId } = await createProject();
  const user = await signIn("Quản trị hệ thống", "leader", { provinceId });
  await env.DB.prepare("INSERT INTO memberships (user_id, province_id, project_id, role) VALUES (?, NULL, NULL, 'admin')").bind(user.userId).run();
  return user;
}

async function openFeed(projectId: string, user: SignedIn): Promise<{ watcher: Watcher; closed: Promise<number> }> {
  const watcher = await Watcher.open(projectId, "", { Cookie: user.cookie });
  await watcher.until((m) => m.some((x) => x.type === "snapshot"));
  const closed = new Promise<number>((resolve) => watcher.ws.addEventListener("close", (e) => resolve(e.code)));
  return { watcher, closed };
}

/** Resolves to "open" if the socket is still open after a moment. */
function stillOpen(closed: Promise<number>, ms = 300): Promise<number | "open"> {
  return Promise.race([closed, new Promise<"open">((resolve) => setTimeout(() => resolve("open"), ms))]);
}

function auditRows(action: string, target: string) {
  return env.DB.prepare("SELECT * FROM audit_log WHERE action = ? AND target = ?").bind(action, target).all();
}

describe("POST /api/v1/me/password", () => {
  it("refuses a wrong current password with a field error and keeps the old password", async () => {
    const { provinceId } = await createProject();
    const user = await signIn("Lãnh đạo", "leader", { provinceId });
    const res = await post("/me/password", { currentPassword: "không-phải-nó", newPassword: "mật-khẩu-mới-rất-dài" }, user.headers);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details[0]?.path).toBe("currentPassword");
    expect((await login(user.email)).status).toBe(200);
  });

  it("refuses a new password shorter than a new account's", async () => {
    const { provinceId } = await createProject();
    const user = await signIn("Lãnh đạo", "leader", { provinceId });
    const res = await post("/me/password", { currentPassword: PASSWORD, newPassword: "ngắn" }, user.headers);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details[0]?.path).toBe("newPassword");
  });

  it("takes the new password, refuses the old one, ends the other sessions and their feeds, and keeps this one", async () => {
    const { projectId, provinceId } = await createProject();
    const here = await signIn("Giám sát", "supervisor", { provinceId });
    const elsewhere = await secondSession(here);
    const mine = await openFeed(projectId, here);
    const theirs = await openFeed(projectId, elsewhere);
    const newPassword = "mật-khẩu-mới-rất-dài-456";

    const res = await post("/me/password", { currentPassword: PASSWORD, newPassword }, here.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, otherSessionsEnded: 1 });

    expect(await theirs.closed).toBe(4001);
    expect(await stillOpen(mine.closed)).toBe("open");
    expect((await get("/me", { Cookie: elsewhere.cookie })).status).toBe(401);
    expect((await get("/me", { Cookie: here.cookie })).status).toBe(200);
    expect((await login(here.email)).status).toBe(401);
    expect((await login(here.email, newPassword)).status).toBe(200);
    const audit = await auditRows("user.password", here.email);
    expect(audit.results).toHaveLength(1);
    expect(JSON.stringify(audit.results)).not.toContain(newPassword);
    mine.watcher.close();
  });

  it("is refused to the ADMIN_TOKEN, which has no password", async () => {
    const res = await post("/me/password", { currentPassword: "x", newPassword: "mật-khẩu-mới-rất-dài" }, ADMIN);
    expect(res.status).toBe(400);
  });
});

describe("POST /api/v1/auth/logout-all", () => {
  it("ends every session of the user and closes their feeds in every project", async () => {
    const a = await createProject();
    const b = await createProject();
    const user = await systemAdmin();
    const other = await secondSession(user);
    const feeds = [await openFeed(a.projectId, user), await openFeed(b.projectId, other)];

    const res = await post("/auth/logout-all", {}, user.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get("Set-Cookie")).toMatch(/^sid=;/);
    expect(await Promise.all(feeds.map((f) => f.closed))).toEqual([4001, 4001]);
    expect((await get("/me", { Cookie: user.cookie })).status).toBe(401);
    expect((await get("/me", { Cookie: other.cookie })).status).toBe(401);
    expect((await auditRows("user.logout-all", user.email)).results).toHaveLength(1);
  });
});

describe("POST /api/v1/users/:userId/disable and /enable", () => {
  it("a disabled user cannot sign in (the same 401 as a wrong password), their sessions and feeds end at once", async () => {
    const { projectId, provinceId } = await createProject();
    const user = await signIn("Lãnh đạo", "leader", { provinceId });
    const feed = await openFeed(projectId, user);

    const res = await post(`/users/${user.userId}/disable`, {});
    expect(res.status).toBe(200);
    expect(await feed.closed).toBe(4001);
    expect((await get("/me", { Cookie: user.cookie })).status).toBe(401);
    const refused = await login(user.email);
    const wrong = await login(`x${user.email}`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(await wrong.json());

    expect((await post(`/users/${user.userId}/enable`, {})).status).toBe(200);
    expect((await login(user.email)).status).toBe(200);
    expect((await auditRows("user.disable", user.email)).results).toHaveLength(1);
    expect((await auditRows("user.enable", user.email)).results).toHaveLength(1);
  });

  it("a province admin may disable the province's own people, not those of another province nor a system admin", async () => {
    const a = await createProject();
    const b = await createProject();
    const adminA = await signIn("Quản trị A", "admin", { provinceId: a.provinceId });
    const leaderA = await signIn("Lãnh đạo dự án A", "leader", { projectId: a.projectId });
    const leaderB = await signIn("Lãnh đạo B", "leader", { provinceId: b.provinceId });
    const system = await systemAdmin();
    expect((await post(`/users/${leaderA.userId}/disable`, {}, adminA.headers)).status).toBe(200);
    expect((await post(`/users/${leaderB.userId}/disable`, {}, adminA.headers)).status).toBe(403);
    expect((await post(`/users/${system.userId}/disable`, {}, adminA.headers)).status).toBe(403);
    // Someone who also works in province B is no longer A's alone.
    await post(`/provinces/${b.provinceId}/members`, { email: leaderA.email, role: "leader" });
    expect((await post(`/users/${leaderA.userId}/enable`, {}, adminA.headers)).status).toBe(403);
  });

  it("refuses an administrator disabling their own account, and unknown users", async () => {
    const system = await systemAdmin();
    expect((await post(`/users/${system.userId}/disable`, {}, system.headers)).status).toBe(400);
    expect((await post("/users/no-such-user/disable", {})).status).toBe(404);
  });
});

describe("DELETE /api/v1/projects/:projectId/members/:userId", () => {
  it("ends a project role at once: the open feed is told to reconnect (4003), and the reconnect is refused", async () => {
    const { projectId } = await createProject();
    const user = await signIn("Lãnh đạo dự án", "leader", { projectId });
    const feed = await openFeed(projectId, user);
    expect((await api(`/projects/${projectId}/members/${user.userId}`, { method: "DELETE", headers: OPERATOR })).status).toBe(200);
    expect(await feed.closed).toBe(4003);
    expect((await get(`/projects/${projectId}/snapshot`, { Cookie: user.cookie })).status).toBe(403);
    await expect(Watcher.open(projectId, "", { Cookie: user.cookie })).rejects.toThrow(/403/);
    expect((await api(`/projects/${projectId}/members/${user.userId}`, { method: "DELETE", headers: OPERATOR })).status).toBe(404);
  });
});

describe("open feeds follow a change of role", () => {
  it("a supervisor downgraded to leader is disconnected with 4003 and on reconnect no longer receives restricted fonds", async () => {
    const { projectId } = await createProject();
    const restrict = await api(`/projects/${projectId}/fonds/2`, { method: "PATCH", headers: ADMIN, body: JSON.stringify({ restricted: true }) });
    expect(restrict.status).toBe(200);
    const user = await signIn("Giám sát", "supervisor", { projectId });
    const feed = await openFeed(projectId, user);
    const first = feed.watcher.messages.find((m) => m.type === "snapshot") as Snapshot;
    expect(first.fonds.map((f) => f.code)).toEqual(["1", "2", "3"]);

    expect((await post(`/projects/${projectId}/members`, { email: user.email, role: "leader" })).status).toBe(200);
    expect(await feed.closed).toBe(4003);

    const again = await Watcher.open(projectId, "", { Cookie: user.cookie });
    await again.until((m) => m.some((x) => x.type === "snapshot"));
    const snap = again.messages.find((m) => m.type === "snapshot") as Snapshot;
    expect(snap.fonds.map((f) => f.code)).toEqual(["1", "3"]);
    again.close();
  });

  it("a grant in a province reconnects the user's feeds in that province's projects", async () => {
    const { projectId, provinceId } = await createProject();
    const user = await signIn("Lãnh đạo", "leader", { provinceId });
    const feed = await openFeed(projectId, user);
    expect((await post(`/provinces/${provinceId}/members`, { email: user.email, role: "supervisor" })).status).toBe(200);
    expect(await feed.closed).toBe(4003);
  });
});

describe("GET /api/v1/users", () => {
  it("lists the people with a role where the caller is an admin, with what the caller may do to each", async () => {
    const a = await createProject();
    const b = await createProject();
    const adminA = await signIn("Quản trị A", "admin", { provinceId: a.provinceId });
    const leaderA = await signIn("Lãnh đạo dự án A", "leader", { projectId: a.projectId });
    const leaderB = await signIn("Lãnh đạo B", "leader", { provinceId: b.provinceId });
    type Listed = { id: string; canDisable: boolean; roles: { role: string; projectId: string | null; canRevoke: boolean }[] };
    const { users } = (await (await get("/users", { Cookie: adminA.cookie })).json()) as { users: Listed[] };
    const ids = users.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([adminA.userId, leaderA.userId]));
    expect(ids).not.toContain(leaderB.userId);
    expect(users.find((u) => u.id === leaderA.userId)).toMatchObject({ canDisable: true, roles: [{ role: "leader", projectId: a.projectId, canRevoke: true }] });
    expect(users.find((u) => u.id === adminA.userId)?.canDisable).toBe(false);
    const asLeader = (await (await get("/users", { Cookie: leaderA.cookie })).json()) as { users: Listed[] };
    expect(asLeader.users).toEqual([]);
  });
});
