// An archived (lưu trữ) project is read-only: every write to it is refused with 409 "archived" and
// changes nothing, counters included; it is still read and reported, and its province's admins bring it
// back. Archiving, and bringing back, are audited with the reason given.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/app";
import { POLICY, refusedWhenArchived } from "../../worker/auth/policy";
import { api, createProject, events, get, post, postCounters, room, signIn, type SignedIn } from "./helpers";

const send = (who: SignedIn, method: string, path: string, body?: unknown) =>
  api(path, { method, headers: who.headers, body: body === undefined ? undefined : JSON.stringify(body) });

async function auditCount(projectId: string): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE project_id = ?").bind(projectId).first<{ n: number }>())!.n;
}

async function stored(projectId: string) {
  const q = (sql: string) => env.DB.prepare(sql).bind(projectId).all().then((r) => r.results);
  return {
    project: await q("SELECT name, legal_basis, period_end FROM projects WHERE id = ?"),
    fonds: await q("SELECT code, name, agency, restricted FROM fonds WHERE project_id = ? ORDER BY code"),
    targets: await q("SELECT fonds_id, kind, approved, funded FROM plan_targets WHERE project_id = ? ORDER BY fonds_id, kind"),
    periods: await q("SELECT * FROM plan_period_targets WHERE project_id = ?"),
    stations: await q("SELECT id, name, token_hash, revoked_at FROM stations WHERE project_id = ? ORDER BY id"),
    calendar: await q("SELECT * FROM project_calendars WHERE project_id = ?"),
    rules: await q("SELECT id FROM alert_rules WHERE project_id = ?"),
    notes: await q("SELECT * FROM report_notes WHERE project_id = ?"),
  };
}

describe("POST /api/v1/projects/:projectId/archive", () => {
  it("refuses every write to the archived project with 409 and changes nothing, counters included", async () => {
    const { projectId, provinceId, tokens, stationIds } = await createProject(1);
    const admin = await signIn("Quản trị tỉnh", "admin", { provinceId });
    expect((await postCounters(projectId, tokens[0]!, { events: events("before", 3) })).status).toBe(200);
    const report = (await (await post(`/projects/${projectId}/reports`, { from: "2026-03-01", to: "2026-03-31" })).json()) as { id: string };

    const archived = await send(admin, "POST", `/projects/${projectId}/archive`, { reason: "Đã nghiệm thu, kết thúc dự án" });
    expect(archived.status).toBe(200);
    expect(((await archived.json()) as { archivedAt: number }).archivedAt).toBeGreaterThan(0);
    const before = await stored(projectId);
    const audited = await auditCount(projectId);

    const writes: [string, string, unknown][] = [
      ["POST", `/projects/${projectId}/plan/import`, { table: "STT\tTên phông\tSố hóa trang tài liệu\n1\tPhông mới\t10" }],
      ["POST", `/projects/${projectId}/plan/periods`, { rows: [{ fonds: "1", kind: "pages", from: "2026-03-02", to: "2026-03-08", amount: 100 }] }],
      ["POST", `/projects/${projectId}/plan/move`, { kind: "pages", from: "1", to: "2", amount: 1, reason: "Điều chỉnh" }],
      ["PATCH", `/projects/${projectId}/fonds/1`, { agency: "Sở Nội vụ" }],
      ["POST", `/projects/${projectId}/stations`, { name: "Trạm mới" }],
      ["PATCH", `/projects/${projectId}/stations/${stationIds[0]}`, { name: "Trạm đổi tên" }],
      ["POST", `/projects/${projectId}/stations/${stationIds[0]}/rotate`, undefined],
      ["DELETE", `/projects/${projectId}/stations/${stationIds[0]}`, undefined],
      ["PUT", `/projects/${projectId}/calendar`, { holidays: ["2026-12-24"] }],
      ["POST", `/projects/${projectId}/alert-rules`, { type: "silent_station", params: { minutes: 30 } }],
      ["PUT", `/projects/${projectId}/reports/${report.id}/notes`, { difficulties: "Giấy mỏng", proposals: "" }],
      ["POST", `/projects/${projectId}/corrections`, { fonds: "1", kind: "pages", delta: 5, reason: "Đối soát" }],
      ["POST", `/provinces/${provinceId}/projects`, { id: projectId, name: "Tên mới", periodStart: "2026-01-01", periodEnd: "2027-12-31" }],
      ["POST", `/projects/${projectId}/archive`, { reason: "Lưu trữ lần hai" }],
    ];
    for (const [method, path, body] of writes) {
      const res = await send(admin, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(409);
      expect(((await res.json()) as { error: { code: string; message: string } }).error, `${method} ${path}`).toMatchObject({ code: "archived", message: expect.stringContaining("lưu trữ") });
    }
    const counted = await postCounters(projectId, tokens[0]!, { events: events("after", 2) });
    expect(counted.status).toBe(409);
    expect(((await counted.json()) as { error: { code: string } }).error.code).toBe("archived");

    expect(await stored(projectId)).toEqual(before);
    expect(await auditCount(projectId)).toBe(audited);
    const snapshot = (await (await get(`/projects/${projectId}/snapshot`)).json()) as { totals: { fonds: string; kind: string; amount: number }[] };
    expect(snapshot.totals).toEqual([{ fonds: "1", kind: "pages", amount: 3 }]);
  });

  it("refuses every route that writes to the project, the ones added later included, before reading its body", async () => {
    const { projectId } = await createProject(1);
    expect((await post(`/projects/${projectId}/archive`, { reason: "Kết thúc" })).status).toBe(200);
    // Station routes are refused by the project's object (the counters above); the rest by the middleware.
    const writes = [...new Set(app.routes.map((r) => `${r.method} ${r.path}`))].filter((route) => refusedWhenArchived(route) && POLICY[route]?.kind === "project");
    expect(writes.length).toBeGreaterThan(20);
    for (const route of writes) {
      const [method, pattern] = route.split(" ") as [string, string];
      const path = pattern.replace("/api/v1", "").replace(":projectId", projectId).replace(/:[A-Za-z]+/g, "x1234567");
      const res = await api(path, { method, headers: { Authorization: "Bearer test-admin-token", "Content-Type": "application/json" }, body: method === "DELETE" ? undefined : "{}" });
      expect(res.status, route).toBe(409);
    }
  });

  it("is still read and reported while archived, and says so in the project list", async () => {
    const { projectId, provinceId } = await createProject(1);
    const admin = await signIn("Quản trị tỉnh", "admin", { provinceId });
    expect((await send(admin, "POST", `/projects/${projectId}/archive`, { reason: "Kết thúc" })).status).toBe(200);
    expect((await get(`/projects/${projectId}/snapshot`, admin.headers)).status).toBe(200);
    expect((await get(`/projects/${projectId}/reports`, admin.headers)).status).toBe(200);
    expect((await send(admin, "POST", `/projects/${projectId}/reports`, { from: "2026-03-01", to: "2026-03-31" })).status).toBe(201);
    const list = (await (await get("/provinces", admin.headers)).json()) as { provinces: { id: string; projects: { id: string; archivedAt: number | null }[] }[] };
    const listed = list.provinces.find((p) => p.id === provinceId)!.projects.find((p) => p.id === projectId)!;
    expect(listed.archivedAt).toBeGreaterThan(0);
  });

  it("stops deciding and sending its alerts: a finished project's rules no longer fire", async () => {
    const open = await createProject(1, undefined, { starterRules: true });
    const archived = await createProject(1, undefined, { starterRules: true });
    expect((await post(`/projects/${archived.projectId}/archive`, { reason: "Đã nghiệm thu" })).status).toBe(200);
    const held = await room(archived.projectId).runAlerts(Date.now());
    // Nothing counted since the period began: behind schedule, past the starter rule's 10 pending minutes.
    const now = Date.now();
    for (const t of [now, now + 20 * 60_000]) {
      await room(open.projectId).runAlerts(t);
      await room(archived.projectId).runAlerts(t);
    }
    expect((await room(open.projectId).runAlerts(now + 21 * 60_000)).some((a) => a.state === "firing")).toBe(true);
    // What it had when archived (the rules ran once when its plan came in) stays as it was: nothing fires.
    const after = await room(archived.projectId).runAlerts(now + 21 * 60_000);
    expect(after.map((a) => [a.scope, a.state])).toEqual(held.map((a) => [a.scope, a.state]));
    expect(after.some((a) => a.state === "firing")).toBe(false);
  });

  it("refuses an archive without a reason, and changes nothing", async () => {
    const { projectId } = await createProject(1);
    const res = await post(`/projects/${projectId}/archive`, {});
    expect(res.status).toBe(400);
    const row = await env.DB.prepare("SELECT archived_at FROM projects WHERE id = ?").bind(projectId).first<{ archived_at: number | null }>();
    expect(row!.archived_at).toBeNull();
  });
});

describe("POST /api/v1/projects/:projectId/unarchive", () => {
  it("lets an admin of the province bring it back, not an admin of the project alone; both steps audited with the reason", async () => {
    const { projectId, provinceId, tokens } = await createProject(1);
    const projectAdmin = await signIn("Quản trị dự án", "admin", { projectId });
    const provinceAdmin = await signIn("Quản trị tỉnh", "admin", { provinceId });
    expect((await send(projectAdmin, "POST", `/projects/${projectId}/archive`, { reason: "Đã nghiệm thu" })).status).toBe(200);
    expect((await send(projectAdmin, "POST", `/projects/${projectId}/unarchive`, { reason: "Nhầm" })).status).toBe(403);
    expect((await send(provinceAdmin, "POST", `/projects/${projectId}/unarchive`, { reason: "Còn phông bổ sung" })).status).toBe(200);
    expect((await send(provinceAdmin, "POST", `/projects/${projectId}/unarchive`, { reason: "Lần hai" })).status).toBe(409);

    // Writable again: its Durable Object counts once more.
    expect((await postCounters(projectId, tokens[0]!, { events: events("back", 1) })).status).toBe(200);
    expect((await send(provinceAdmin, "PATCH", `/projects/${projectId}/fonds/1`, { agency: "Sở Nội vụ" })).status).toBe(200);

    const audit = (await (await get(`/projects/${projectId}/audit?action=project`, provinceAdmin.headers)).json()) as { entries: { action: string; actorName: string; after: { reason: string } }[] };
    expect(audit.entries.map((e) => [e.action, e.after.reason, e.actorName.split(" <")[0]])).toEqual([
      ["project.unarchive", "Còn phông bổ sung", "Quản trị tỉnh"],
      ["project.archive", "Đã nghiệm thu", "Quản trị dự án"],
      ["project.create", undefined, "ADMIN_TOKEN"],
    ]);
  });
});

describe("GET /api/v1/audit", () => {
  it("shows a system administrator the entries of no province: system-wide roles", async () => {
    const { provinceId } = await createProject(1);
    const someone = await signIn("Nguyễn Văn Hệ Thống", "leader", { provinceId });
    expect((await post("/members", { email: someone.email, role: "admin" })).status).toBeLessThan(300);
    const page = (await (await get(`/audit?action=member&who=ADMIN_TOKEN`)).json()) as { entries: { action: string; target: string; provinceId: string | null }[] };
    const systemGrant = page.entries.find((e) => e.target === someone.email && e.provinceId === null);
    expect(systemGrant).toMatchObject({ action: "member.grant" });
    expect(page.entries.some((e) => e.target === someone.email && e.provinceId === provinceId)).toBe(true);
  });
});
