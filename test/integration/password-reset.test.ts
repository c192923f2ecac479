// An administrator gives someone who forgot their password a new one, shown once: the old password and
// every session of theirs end at once, open live feeds included, and only the right administrators may.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createProject, get, post, signIn, Watcher, type SignedIn } from "./helpers";

const JSON_ONLY = { "Content-Type": "application/json" };
/** The password helpers.ts signIn gives every user. */
const PASSWORD = "mật-khẩu-đủ-dài-123";

const login = (email: string, password: string) => post("/auth/login", { email, password }, JSON_ONLY);
const reset = (userId: string, by: SignedIn) => post(`/users/${userId}/password-reset`, {}, by.headers);

/** `closed`: the code the feed is closed with (in an object: an async function would wait for it). */
async function openFeed(projectId: string, user: SignedIn): Promise<{ closed: Promise<number> }> {
  const watcher = await Watcher.open(projectId, "", { Cookie: user.cookie });
  await watcher.until((m) => m.some((x) => x.type === "snapshot"));
  return { closed: new Promise<number>((resolve) => watcher.ws.addEventListener("close", (e) => resolve(e.code))) };
}

describe("POST /api/v1/users/:userId/password-reset", () => {
  it("gives a new password once, refuses the old one, ends every session and closes their feeds, audited without the password", async () => {
    const { projectId, provinceId } = await createProject();
    const admin = await signIn("Quản trị tỉnh", "admin", { provinceId });
    const leader = await signIn("Lãnh đạo quên mật khẩu", "leader", { provinceId });
    const { closed } = await openFeed(projectId, leader);

    const res = await reset(leader.userId, admin);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; email: string; password: string; sessionsEnded: number };
    expect(body).toMatchObject({ id: leader.userId, email: leader.email, sessionsEnded: 1 });
    expect(body.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);

    expect(await closed).toBe(4001); // the feed ends for good, not a reconnect
    expect((await get("/me", { Cookie: leader.cookie })).status).toBe(401);
    expect((await login(leader.email, PASSWORD)).status).toBe(401);
    expect((await login(leader.email, body.password)).status).toBe(200);

    const { results } = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'user.password-reset' AND target = ?").bind(leader.email).all<{ province_id: string; actor_id: string }>();
    expect(results.map((r) => [r.actor_id, r.province_id])).toEqual([[admin.userId, provinceId]]);
    expect(JSON.stringify(results)).not.toContain(body.password);
  });

  it("is for system admins and the user's own province admins only, and not for one's own account", async () => {
    const a = await createProject();
    const b = await createProject();
    const adminA = await signIn("Quản trị A", "admin", { provinceId: a.provinceId });
    const adminB = await signIn("Quản trị B", "admin", { provinceId: b.provinceId });
    const projectAdminA = await signIn("Quản trị dự án A", "admin", { projectId: a.projectId });
    const leaderA = await signIn("Lãnh đạo A", "leader", { provinceId: a.provinceId });
    const system = await signIn("Quản trị hệ thống", "admin", {});

    // Another province's admin, a project admin (roles, not accounts), a leader: no.
    expect((await reset(leaderA.userId, adminB)).status).toBe(403);
    expect((await reset(leaderA.userId, projectAdminA)).status).toBe(403);
    expect((await reset(adminA.userId, leaderA)).status).toBe(403);
    // A province admin never resets a system administrator's password.
    expect((await reset(system.userId, adminA)).status).toBe(403);
    // One's own password is changed on the account page, with the current one.
    expect((await reset(adminA.userId, adminA)).status).toBe(400);
    // Nothing of those refusals changed a password.
    expect((await login(leaderA.email, PASSWORD)).status).toBe(200);
    expect((await login(system.email, PASSWORD)).status).toBe(200);

    // A system administrator may, anywhere; an unknown user is a 404.
    expect((await reset(adminB.userId, system)).status).toBe(200);
    expect((await reset("no-such-user", system)).status).toBe(404);
  });
});
