// The routes the dashboard's setup screens need beyond the provisioning API: a plan preview that writes
// nothing, renaming a station, and accounts a province admin opens with a role in one call.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../schema/wire";
import { api, createProject, get, post, postCounters, signIn } from "./helpers";

const JSON_ONLY = { "Content-Type": "application/json" };

async function fondsOf(projectId: string): Promise<Snapshot["fonds"]> {
  return ((await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot).fonds;
}

describe("POST /api/v1/projects/:projectId/plan/preview", () => {
  const table = ["STT\tTên phông\tSố hóa trang tài liệu", "7\tPhòng Nội vụ huyện Can Lộc\t1.200", "8\tPhòng Tài chính\t800", "Tổng\t\t2.000"].join("\n");

  it("answers the parsed rows and totals and writes nothing", async () => {
    const { projectId } = await createProject();
    const before = await fondsOf(projectId);
    const res = await post(`/projects/${projectId}/plan/preview`, { table });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; rows: { line: number; code: string; amounts: Record<string, number> }[]; totals: Record<string, number> };
    expect(body.ok).toBe(true);
    expect(body.rows.map((r) => [r.line, r.code, r.amounts.pages])).toEqual([
      [2, "7", 1200],
      [3, "8", 800],
    ]);
    expect(body.totals).toEqual({ pages: 2000 });
    expect(await fondsOf(projectId)).toEqual(before);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE project_id = ? AND action = 'plan.import'").bind(projectId).first<{ n: number }>();
    expect(audit?.n).toBe(1); // createProject's own import, not the preview
  });

  it("pins an unreadable cell to its line and column, as the import would", async () => {
    const { projectId } = await createProject();
    const bad = table.replace("800", "8x0");
    const body = (await (await post(`/projects/${projectId}/plan/preview`, { table: bad })).json()) as { ok: boolean; errors: { line: number; column: number }[] };
    expect(body.ok).toBe(false);
    expect(body.errors[0]).toMatchObject({ line: 3, column: 3 });
    const imported = (await (await post(`/projects/${projectId}/plan/import`, { table: bad })).json()) as { error: { details: { line: number; column: number }[] } };
    expect(imported.error.details[0]).toMatchObject({ line: 3, column: 3 });
  });
});

describe("PATCH /api/v1/projects/:projectId/stations/:stationId", () => {
  it("renames the station and its token keeps working", async () => {
    const { projectId, stationIds, tokens } = await createProject(1);
    const res = await api(`/projects/${projectId}/stations/${stationIds[0]}`, { method: "PATCH", headers: { Authorization: "Bearer test-admin-token", ...JSON_ONLY }, body: JSON.stringify({ name: "Máy quét tầng 2" }) });
    expect(res.status).toBe(200);
    const list = (await (await get(`/projects/${projectId}/stations`)).json()) as { stations: { name: string }[] };
    expect(list.stations.map((s) => s.name)).toEqual(["Máy quét tầng 2"]);
    expect((await postCounters(projectId, tokens[0]!, { events: [{ id: "r-1", fonds: "1", kind: "pages", delta: 3 }] })).status).toBe(200);
  });
});

describe("POST /api/v1/provinces/:provinceId/users", () => {
  it("opens an account with a role in the province and a one-time password that signs in", async () => {
    const { provinceId, projectId } = await createProject();
    const admin = await signIn("Quản trị tỉnh", "admin", { provinceId });
    const email = `lanh-dao-${crypto.randomUUID().slice(0, 6)}@so-noi-vu.example`;
    const res = await post(`/provinces/${provinceId}/users`, { email, name: "Lê Thị Lãnh Đạo", role: "leader" }, admin.headers);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; initialPassword: string };
    expect(created.initialPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
    const login = await post("/auth/login", { email, password: created.initialPassword }, JSON_ONLY);
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("Set-Cookie") ?? "").split(";")[0]!;
    expect((await get(`/projects/${projectId}/snapshot`, { Cookie: cookie })).status).toBe(200);
    // The audit log records who opened it, never the password.
    const row = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'user.create' AND target = ?").bind(email).first<Record<string, string>>();
    expect(row?.province_id).toBe(provinceId);
    expect(JSON.stringify(row)).not.toContain(created.initialPassword);
  });

  it("refuses an email that already has an account, pointing at the field, and changes nothing", async () => {
    const { provinceId } = await createProject();
    const other = await signIn("Người khác", "leader", { provinceId });
    const res = await post(`/provinces/${provinceId}/users`, { email: other.email, name: "Trùng", role: "admin" });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details[0]?.path).toBe("email");
    const roles = await env.DB.prepare("SELECT role FROM memberships WHERE user_id = ?").bind(other.userId).all<{ role: string }>();
    expect(roles.results.map((r) => r.role)).toEqual(["leader"]);
  });
});

describe("POST /api/v1/members", () => {
  it("grants a system-wide role, which a system admin can revoke", async () => {
    const { provinceId } = await createProject();
    const user = await signIn("Quản trị hệ thống mới", "leader", { provinceId });
    expect((await post("/members", { email: user.email, role: "admin" })).status).toBe(200);
    expect((await post("/provinces", { id: `p-${crypto.randomUUID().slice(0, 8)}`, name: "Quảng Trị" }, user.headers)).status).toBe(201);
    expect((await api(`/members/${user.userId}`, { method: "DELETE", headers: { Authorization: "Bearer test-admin-token" } })).status).toBe(200);
    expect((await post("/provinces", { id: `p-${crypto.randomUUID().slice(0, 8)}`, name: "Quảng Bình" }, user.headers)).status).toBe(403);
  });
});
