import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../schema/wire";
import { api, createProject, get, OPERATOR, post, postCounters, signIn, Watcher } from "./helpers";

const JSON_ONLY = { "Content-Type": "application/json" };

describe("sign-in and sessions", () => {
  it("sets an HttpOnly, Secure, SameSite=Strict session cookie and /me answers with the user", async () => {
    const { provinceId } = await createProject();
    const email = `${crypto.randomUUID().slice(0, 8)}@so-noi-vu.example`;
    await post("/users", { email, name: "Phạm Thị Hồng", password: "một-mật-khẩu-dài" });
    await post(`/provinces/${provinceId}/members`, { email, role: "leader" });
    const res = await post("/auth/login", { email: email.toUpperCase(), password: "một-mật-khẩu-dài" }, JSON_ONLY);
    expect(res.status).toBe(200);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^sid=sid_[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Strict");
    const me = (await (await get("/me", { Cookie: cookie.split(";")[0]! })).json()) as { user: { name: string }; memberships: unknown[] };
    expect(me.user.name).toBe("Phạm Thị Hồng");
    expect(me.memberships).toEqual([{ role: "leader", provinceId, projectId: null }]);
  });

  it("refuses wrong passwords and unknown emails alike, then throttles with Retry-After", async () => {
    const email = `${crypto.randomUUID().slice(0, 8)}@so-noi-vu.example`;
    await post("/users", { email, name: "Người thử", password: "mật-khẩu-đúng-123" });
    const unknown = await post("/auth/login", { email: `x${email}`, password: "sai-rồi-123" }, JSON_ONLY);
    expect(unknown.status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await post("/auth/login", { email, password: `sai-${i}` }, JSON_ONLY)).status).toBe(401);
    const throttled = await post("/auth/login", { email, password: "mật-khẩu-đúng-123" }, JSON_ONLY);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("checks at most 5 of 30 parallel wrong guesses for one email; the rest wait with 429", async () => {
    const email = `${crypto.randomUUID().slice(0, 8)}@so-noi-vu.example`;
    await post("/users", { email, name: "Người thử", password: "mật-khẩu-đúng-123" });
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => post("/auth/login", { email, password: `đoán-${i}` }, JSON_ONLY).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await post("/auth/login", { email, password: "mật-khẩu-đúng-123" }, JSON_ONLY)).status).toBe(429);
  });

  it("clears the failures of an email once its password is right", async () => {
    const email = `${crypto.randomUUID().slice(0, 8)}@so-noi-vu.example`;
    await post("/users", { email, name: "Người thử", password: "mật-khẩu-đúng-123" });
    for (let i = 0; i < 4; i++) expect((await post("/auth/login", { email, password: `sai-${i}` }, JSON_ONLY)).status).toBe(401);
    expect((await post("/auth/login", { email, password: "mật-khẩu-đúng-123" }, JSON_ONLY)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await post("/auth/login", { email, password: `sai-lại-${i}` }, JSON_ONLY)).status).toBe(401);
  });

  it("refuses cookie-authenticated writes without the session's CSRF token or from another origin", async () => {
    const { projectId, provinceId } = await createProject();
    const admin = await signIn("Quản trị", "admin", { provinceId });
    const body = JSON.stringify({ name: "Máy quét mới" });
    const noToken = await api(`/projects/${projectId}/stations`, { method: "POST", headers: { Cookie: admin.cookie, ...JSON_ONLY }, body });
    expect(noToken.status).toBe(403);
    const otherOrigin = await api(`/projects/${projectId}/stations`, { method: "POST", headers: { ...admin.headers, Origin: "https://evil.example" }, body });
    expect(otherOrigin.status).toBe(403);
    const ok = await api(`/projects/${projectId}/stations`, { method: "POST", headers: admin.headers, body });
    expect(ok.status).toBe(201);
  });

  it("signing out ends the session at once, including its open live feed", async () => {
    const { projectId, provinceId } = await createProject();
    const leader = await signIn("Lãnh đạo", "leader", { provinceId });
    const watcher = await Watcher.open(projectId, "", { Cookie: leader.cookie });
    await watcher.until((m) => m.some((x) => x.type === "snapshot"));
    const closed = new Promise<number>((resolve) => watcher.ws.addEventListener("close", (e) => resolve(e.code)));
    expect((await post("/auth/logout", {}, leader.headers)).status).toBe(200);
    expect(await closed).toBe(4001);
    expect((await get("/me", { Cookie: leader.cookie })).status).toBe(401);
    expect((await get(`/projects/${projectId}/snapshot`, { Cookie: leader.cookie })).status).toBe(401);
  });

  it("revoking a role closes that user's open live feeds at once, telling them to reconnect for their new rights", async () => {
    const { projectId, provinceId } = await createProject();
    const leader = await signIn("Lãnh đạo", "leader", { provinceId });
    const watcher = await Watcher.open(projectId, "", { Cookie: leader.cookie });
    await watcher.until((m) => m.some((x) => x.type === "snapshot"));
    const closed = new Promise<number>((resolve) => watcher.ws.addEventListener("close", (e) => resolve(e.code)));
    expect((await api(`/provinces/${provinceId}/members/${leader.userId}`, { method: "DELETE", headers: OPERATOR })).status).toBe(200);
    expect(await closed).toBe(4003);
    expect((await get(`/projects/${projectId}/snapshot`, { Cookie: leader.cookie })).status).toBe(403);
  });

  it("keeps a leader of one province out of another province", async () => {
    const a = await createProject();
    const b = await createProject();
    const leaderB = await signIn("Lãnh đạo B", "leader", { provinceId: b.provinceId });
    const list = (await (await get("/provinces", { Cookie: leaderB.cookie })).json()) as { provinces: { id: string }[] };
    expect(list.provinces.map((p) => p.id)).toEqual([b.provinceId]);
    expect((await get(`/provinces/${a.provinceId}/overview`, { Cookie: leaderB.cookie })).status).toBe(403);
    expect((await get(`/projects/${a.projectId}/snapshot`, { Cookie: leaderB.cookie })).status).toBe(403);
  });
});

describe("station tokens", () => {
  it("stop working at once when revoked, and rotation replaces the old token", async () => {
    const { projectId, tokens, stationIds } = await createProject(2);
    const one = { events: [{ id: crypto.randomUUID(), fonds: "1", kind: "pages", delta: 1 }] };
    expect((await postCounters(projectId, tokens[0]!, one)).status).toBe(200);
    expect((await api(`/projects/${projectId}/stations/${stationIds[0]}`, { method: "DELETE", headers: OPERATOR })).status).toBe(200);
    expect((await postCounters(projectId, tokens[0]!, { events: [{ ...one.events[0]!, id: "after-revoke" }] })).status).toBe(401);

    // Posted once, so the worker holds this token in its cache (worker/auth/station-cache.ts): the old
    // token must still be refused at once, as it would be by any isolate that cached it.
    expect((await postCounters(projectId, tokens[1]!, { events: [{ ...one.events[0]!, id: "before-rotate" }] })).status).toBe(200);
    const rotated = await post(`/projects/${projectId}/stations/${stationIds[1]}/rotate`, {});
    const { token } = (await rotated.json()) as { token: string };
    expect((await postCounters(projectId, tokens[1]!, { events: [{ ...one.events[0]!, id: "old" }] })).status).toBe(401);
    expect((await postCounters(projectId, token, { events: [{ ...one.events[0]!, id: "new" }] })).status).toBe(200);
  });

  it("are limited per station: a flood gets 429 with Retry-After and counts nothing extra", async () => {
    const { projectId, tokens } = await createProject();
    // All at once, as a runaway script would: the burst allowance (40) runs out however fast the machine is.
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => postCounters(projectId, tokens[0]!, { events: [{ id: `flood-${i}`, fonds: "1", kind: "pages", delta: 1 }] })));
    const statuses = answers.map((r) => r.status);
    const retryAfter = answers.find((r) => r.status === 429)?.headers.get("Retry-After") ?? "";
    const accepted = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const snap = (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;
    expect(snap.seq).toBe(accepted);
  });

  it("may read their own entry page data and nothing else", async () => {
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "mine", fonds: "2", kind: "documents", delta: 12 }] });
    const res = await get(`/projects/${projectId}/station`, { Authorization: `Bearer ${tokens[0]}` });
    const view = (await res.json()) as { station: { name: string }; fonds: unknown[]; today: unknown[] };
    expect(view.station.name).toBe("Trạm 1");
    expect(view.fonds).toHaveLength(3);
    expect(view.today).toEqual([{ fonds: "2", kind: "documents", amount: 12 }]);
    expect((await get(`/projects/${projectId}/snapshot`, { Authorization: `Bearer ${tokens[0]}` })).status).toBe(403);
  });
});

describe("restricted fonds", () => {
  it("are hidden from leaders in snapshots and live deltas, and shown to supervisors", async () => {
    const { projectId, provinceId, tokens } = await createProject();
    expect((await api(`/projects/${projectId}/fonds/2`, { method: "PATCH", headers: { ...OPERATOR, ...JSON_ONLY }, body: JSON.stringify({ restricted: true }) })).status).toBe(200);
    const leader = await signIn("Lãnh đạo", "leader", { provinceId });
    const supervisor = await signIn("Giám sát", "supervisor", { provinceId });
    const lw = await Watcher.open(projectId, "", { Cookie: leader.cookie });
    const sw = await Watcher.open(projectId, "", { Cookie: supervisor.cookie });
    await postCounters(projectId, tokens[0]!, {
      events: [
        { id: "open", fonds: "1", kind: "pages", delta: 5 },
        { id: "secret", fonds: "2", kind: "pages", delta: 7 },
      ],
    });
    // A leader holds the seq of the last event it may see: the secret one is not a step of its feed.
    await lw.until(() => lw.state().seq === 1);
    await sw.until(() => sw.state().seq === 2);
    expect(lw.state().totals).toEqual(new Map([["1/pages", 5]]));
    expect(sw.state().totals).toEqual(new Map([["1/pages", 5], ["2/pages", 7]]));
    const leaderSnap = (await (await get(`/projects/${projectId}/snapshot`, { Cookie: leader.cookie })).json()) as Snapshot;
    expect(leaderSnap.fonds.map((f) => f.code)).toEqual(["1", "3"]);
    expect(JSON.stringify(leaderSnap)).not.toContain("Phòng Tư pháp huyện Can Lộc");
    lw.close();
    sw.close();
  });
});

describe("secrets and the audit log", () => {
  it("keeps passwords and tokens out of D1 and of responses, and records admin actions append-only", async () => {
    const { projectId, tokens } = await createProject();
    const password = "mật-khẩu-bí-mật-987";
    const email = `${crypto.randomUUID().slice(0, 8)}@so-noi-vu.example`;
    await post("/users", { email, name: "Kiểm tra", password });
    const all = (await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>()).results;
    const tables = all.filter((t) => !t.name.startsWith("_cf_") && !t.name.startsWith("sqlite_"));
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["users", "stations", "sessions", "audit_log"]));
    for (const { name } of tables) {
      const rows = JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results);
      expect(rows, name).not.toContain(password);
      expect(rows, name).not.toContain(tokens[0]!);
    }
    const listing = await (await get(`/projects/${projectId}/stations`)).text();
    expect(listing).not.toContain(tokens[0]!);
    expect(listing).not.toContain("token");
    const audit = (await (await get(`/projects/${projectId}/audit`)).json()) as { entries: { action: string; actorType: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["plan.import", "station.create"]));
    await expect(env.DB.prepare("UPDATE audit_log SET action = 'x'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
  });
});
