// Wall-screen displays (worker/routes/displays.ts): a token shown once, traded for a cookie, reading its
// wall only, and losing its feed the moment it is revoked. Which routes it reaches: access.test.ts;
// that it sees no restricted fonds: visibility.test.ts.
import { describe, expect, it } from "vitest";
import { api, createProject, get, post, testPeriod, Watcher } from "./helpers";

async function createDisplay(path: string, name = "Màn hình phòng họp UBND") {
  const res = await post(path, { name });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; name: string; token: string; provinceId: string; projectId: string | null };
}

function closed(w: Watcher): Promise<number> {
  return new Promise((resolve) => w.ws.addEventListener("close", (e) => resolve((e as CloseEvent).code)));
}

describe("POST /api/v1/projects/:projectId/displays", () => {
  it("shows the token once: the list never carries it nor its hash", async () => {
    const { projectId } = await createProject();
    const created = await createDisplay(`/projects/${projectId}/displays`);
    expect(created.token).toMatch(/^dt_[A-Za-z0-9_-]{43}$/);
    const listed = await (await get(`/projects/${projectId}/displays`)).text();
    expect(listed).toContain("Màn hình phòng họp UBND");
    expect(listed).not.toContain(created.token);
    expect(listed).not.toMatch(/tokenHash|token_hash|"token"/);
  });
});

describe("POST /api/v1/display/session", () => {
  it("trades a display token for an HttpOnly cookie sent to the API only", async () => {
    const { projectId } = await createProject();
    const { token, id } = await createDisplay(`/projects/${projectId}/displays`);
    const res = await post("/display/session", { token }, { "Content-Type": "application/json", Origin: "http://example.com" });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^display=dt_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1/);
    const self = (await (await get("/display", { Cookie: cookie.split(";")[0]! })).json()) as { display: { id: string }; provinces: { projects: { id: string }[] }[] };
    expect(self.display.id).toBe(id);
    expect(self.provinces.flatMap((p) => p.projects.map((j) => j.id))).toEqual([projectId]);
  });

  it("refuses an unknown token, and a page of another origin", async () => {
    const { projectId } = await createProject();
    const { token } = await createDisplay(`/projects/${projectId}/displays`);
    const json = { "Content-Type": "application/json" };
    expect((await post("/display/session", { token: `dt_${"x".repeat(43)}` }, json)).status).toBe(401);
    expect((await post("/display/session", { token }, { ...json, Origin: "https://evil.example" })).status).toBe(403);
  });
});

describe("a display reads its own wall and nothing else", () => {
  it("reaches its project, not a sibling project of the same province", async () => {
    const a = await createProject();
    const { token } = await createDisplay(`/projects/${a.projectId}/displays`);
    const sibling = "prj-" + crypto.randomUUID().slice(0, 8);
    const made = await post(`/provinces/${a.provinceId}/projects`, { id: sibling, name: "Dự án khác", legalBasis: "", ...testPeriod() });
    expect(made.status).toBe(201);
    const as = { Cookie: `display=${token}` };
    expect((await get(`/projects/${a.projectId}/snapshot`, as)).status).toBe(200);
    expect((await get(`/projects/${sibling}/snapshot`, as)).status).toBe(403);
    expect((await get(`/provinces/${a.provinceId}/overview`, as)).status).toBe(403);
    expect((await get(`/projects/${a.projectId}/reports`, as)).status).toBe(403);
    expect((await get("/me", as)).status).toBe(403);
  });

  it("a province's display reads every project's live figures in it", async () => {
    const a = await createProject();
    const { token } = await createDisplay(`/provinces/${a.provinceId}/displays`);
    const as = { Cookie: `display=${token}` };
    expect((await get(`/provinces/${a.provinceId}/overview`, as)).status).toBe(200);
    expect((await get(`/projects/${a.projectId}/snapshot`, as)).status).toBe(200);
  });
});

describe("DELETE /api/v1/provinces/:provinceId/displays/:displayId", () => {
  it("closes the display's open feeds at once and refuses it from then on", async () => {
    const a = await createProject();
    const display = await createDisplay(`/provinces/${a.provinceId}/displays`);
    const as = { Cookie: `display=${display.token}` };
    const feed = await Watcher.open(a.projectId, "", as);
    await feed.until((m) => m.some((x) => x.type === "snapshot"));
    const code = closed(feed);
    const res = await api(`/provinces/${a.provinceId}/displays/${display.id}`, { method: "DELETE", headers: { Authorization: "Bearer test-admin-token" } });
    expect(res.status).toBe(200);
    expect(await code).toBe(4001);
    expect((await get(`/projects/${a.projectId}/snapshot`, as)).status).toBe(401);
    const listed = (await (await get(`/provinces/${a.provinceId}/displays`)).json()) as { displays: { id: string; revokedAt: number | null; lastUsedAt: number | null }[] };
    const row = listed.displays.find((d) => d.id === display.id)!;
    expect(row.revokedAt).not.toBeNull();
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("lets a project admin revoke only the project's own displays", async () => {
    const a = await createProject();
    const provinceWide = await createDisplay(`/provinces/${a.provinceId}/displays`);
    const res = await api(`/projects/${a.projectId}/displays/${provinceWide.id}`, { method: "DELETE", headers: { Authorization: "Bearer test-admin-token" } });
    expect(res.status).toBe(404);
  });
});

describe("GET /api/v1/provinces/:provinceId/audit", () => {
  it("records who created and revoked a display, and filters by who, action and days", async () => {
    const a = await createProject();
    const display = await createDisplay(`/provinces/${a.provinceId}/displays`, "Màn hình hội trường");
    await api(`/provinces/${a.provinceId}/displays/${display.id}`, { method: "DELETE", headers: { Authorization: "Bearer test-admin-token" } });
    type Page = { entries: { action: string; actorName: string; target: string }[]; next: number | null };
    const read = async (query: string) => (await (await get(`/provinces/${a.provinceId}/audit${query}`)).json()) as Page;
    expect((await read("?action=display")).entries.map((e) => e.action)).toEqual(["display.revoke", "display.create"]);
    expect((await read("?action=display.create")).entries.map((e) => e.target)).toEqual([`Màn hình hội trường (${display.id})`]);
    expect((await read("?who=ADMIN_TOKEN&action=display")).entries).toHaveLength(2);
    expect((await read("?who=nobody%25")).entries).toHaveLength(0);
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    expect((await read(`?from=${today}&to=${today}&action=display`)).entries).toHaveLength(2);
    expect((await read("?from=2020-01-01&to=2020-01-31")).entries).toHaveLength(0);
    expect((await get(`/provinces/${a.provinceId}/audit?from=2026-02-01&to=2026-01-01`)).status).toBe(400);
  });
});
