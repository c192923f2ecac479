// The province overview's one socket: its cards are each project's own figures (the same snapshot
// through schema/project-card.ts), kept current within a second of a post, coalesced under
// load, for the audience of each watcher, and closed with the session.
import { describe, expect, it } from "vitest";
import { cardInputOf, projectCard } from "../../schema/project-card";
import { summarizeProvince } from "../../schema/province-summary";
import type { AlertView, Snapshot } from "../../schema/wire";
import { ADMIN, api, CardWatcher, createProject, events, get, post, postCounters, signIn, type SignedIn } from "./helpers";

async function ownCard(projectId: string, headers?: Record<string, string>) {
  const snap = (await (await get(`/projects/${projectId}/snapshot`, headers)).json()) as Snapshot;
  const { alerts } = (await (await get(`/projects/${projectId}/alerts`, headers)).json()) as { alerts: AlertView[] };
  return projectCard(cardInputOf(snap), alerts, Date.now());
}

describe("the province feed: GET /api/v1/provinces/:provinceId/live", () => {
  it("gives every project of the province with the figures its own snapshot gives, and follows new posts", async () => {
    const a = await createProject(1);
    const b = await createProject(1, undefined, { provinceId: a.provinceId });
    expect((await postCounters(a.projectId, a.tokens[0]!, { events: events("a", 40, "1", "pages", 25) })).status).toBe(200);
    expect((await postCounters(b.projectId, b.tokens[0]!, { events: events("b", 3, "2", "documents", 7) })).status).toBe(200);

    const w = await CardWatcher.open(a.provinceId);
    await w.until((x) => x.messages.length > 0);
    expect(w.messages[0]).toMatchObject({ type: "cards", whole: true });
    const own = { [a.projectId]: await ownCard(a.projectId), [b.projectId]: await ownCard(b.projectId) };
    await w.until((x) => [a.projectId, b.projectId].every((id) => x.cards().get(id)?.seq === own[id]!.seq));
    for (const id of [a.projectId, b.projectId]) expect(w.cards().get(id)).toEqual(own[id]);
    // Independently of the shared function: the pages of project a are what was posted.
    expect(w.cards().get(a.projectId)!.kinds.pages!.actual).toBe(1000);

    // A burst of posts reaches the watcher as a few coalesced changes, ending at the project's own figures.
    const before = w.messages.length;
    for (let i = 0; i < 20; i++) expect((await postCounters(b.projectId, b.tokens[0]!, { events: events(`burst-${i}`, 5, "1", "pages", 2) })).status).toBe(200);
    await w.until((x) => x.cards().get(b.projectId)!.kinds.pages?.actual === 200);
    expect(w.messages.length - before, "coalesced, not one message per post").toBeLessThanOrEqual(6);
    expect(w.messages.slice(before).every((m) => !m.whole)).toBe(true);
    expect(w.cards().get(b.projectId)).toEqual(await ownCard(b.projectId));
    w.close();
  }, 30_000);

  it("tells a project-level leader no, and a province leader's socket closes when the session ends", async () => {
    const p = await createProject(1);
    const projectLeader = await signIn("Lãnh đạo dự án", "leader", { projectId: p.projectId });
    const refused = await api(`/provinces/${p.provinceId}/live`, { headers: { Origin: "http://example.com", Cookie: projectLeader.cookie, Upgrade: "websocket" } });
    expect(refused.status).toBe(403);

    const leader = await signIn("Lãnh đạo tỉnh", "leader", { provinceId: p.provinceId });
    const w = await CardWatcher.open(p.provinceId, { Cookie: leader.cookie });
    await w.until((x) => x.cards().has(p.projectId));
    expect(w.cards().get(p.projectId)).toEqual(await ownCard(p.projectId, { Cookie: leader.cookie }));
    expect((await api("/auth/logout", { method: "POST", headers: { ...leader.headers, Origin: "http://example.com" } })).status).toBe(200);
    await w.until((x) => x.closedWith !== null);
    expect(w.closedWith).toBe(4001);
  });

  it("gives the nation a line per province, summed from the cards a leader sees, and follows new posts", async () => {
    const a = await createProject(1);
    const b = await createProject(1, undefined, { provinceId: a.provinceId });
    const other = await createProject(1);
    expect((await postCounters(a.projectId, a.tokens[0]!, { events: events("na", 4, "1", "pages", 10) })).status).toBe(200);
    const nation = await CardWatcher.open("", undefined, "/national/live");
    await nation.until((x) => x.provinces().has(a.provinceId) && x.provinces().has(other.provinceId));
    const line = () => nation.provinces().get(a.provinceId)!;
    expect(line()).toMatchObject({ projects: 2, notStarted: 1 });
    expect(line().kinds.find((k) => k.kind === "pages")!.actual).toBe(40);
    expect(line()).toEqual(summarizeProvince(a.provinceId, [await ownCard(a.projectId), await ownCard(b.projectId)], Date.now()));

    expect((await postCounters(b.projectId, b.tokens[0]!, { events: events("nb", 2, "2", "pages", 5) })).status).toBe(200);
    await nation.until(() => line().kinds.find((k) => k.kind === "pages")!.actual === 50 && line().notStarted === 0);
    expect(nation.messages.slice(1).every((m) => !m.whole)).toBe(true);
    nation.close();
  }, 30_000);

  // Another site's page would carry the cookie on its WebSocket: refused, for a watcher the feed would
  // otherwise serve (the same cookie from the dashboard's own origin is upgraded).
  it.each([
    ["the province feed", (provinceId: string) => `/provinces/${provinceId}/live`],
    ["the national feed", () => "/national/live"],
  ])("refuses %s to a province leader's cookie from another origin or with none, and serves it from its own", async (_, path) => {
    const p = await createProject(1);
    const leader = await signIn("Lãnh đạo tỉnh", "leader", { provinceId: p.provinceId });
    const upgrade = (origin?: string) => api(path(p.provinceId), { headers: { ...(origin ? { Origin: origin } : {}), Cookie: leader.cookie, Upgrade: "websocket" } });
    for (const origin of ["http://evil.example", "http://example.com.evil.example", undefined]) {
      const res = await upgrade(origin);
      expect(res.status, `Origin: ${origin}`).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    const own = await upgrade("http://example.com");
    expect(own.status).toBe(101);
    own.webSocket!.accept();
    own.webSocket!.close(1000, "done");
  });

  it("re-evaluates an open province feed at once when its watcher goes from supervisor to leader: no restricted fonds after", async () => {
    const p = await createProject(1);
    expect((await api(`/projects/${p.projectId}/fonds/2`, { method: "PATCH", headers: ADMIN, body: JSON.stringify({ restricted: true }) })).status).toBe(200);
    expect((await postCounters(p.projectId, p.tokens[0]!, { events: [...events("open", 10, "1", "pages"), ...events("secret", 5, "2", "pages")] })).status).toBe(200);
    const user: SignedIn = await signIn("Giám sát tỉnh", "supervisor", { provinceId: p.provinceId });
    const feed = await CardWatcher.open(p.provinceId, { Cookie: user.cookie });
    await feed.until((w) => w.cards().get(p.projectId)?.kinds.pages?.actual === 15);
    expect(JSON.stringify(feed.cards().get(p.projectId))).toContain("Phòng Tư pháp");

    expect((await post(`/provinces/${p.provinceId}/members`, { email: user.email, role: "leader" })).status).toBe(200);
    await feed.until((w) => w.closedWith !== null);
    expect(feed.closedWith).toBe(4003);

    const again = await CardWatcher.open(p.provinceId, { Cookie: user.cookie });
    await again.until((w) => w.cards().has(p.projectId));
    const card = again.cards().get(p.projectId)!;
    expect(card.kinds.pages?.actual).toBe(10);
    expect(JSON.stringify(card)).not.toContain("Phòng Tư pháp");
    expect(card).toEqual(await ownCard(p.projectId, { Cookie: user.cookie }));
    again.close();
  });

  it("answers an unknown province with 404 and a plain request with 426", async () => {
    expect((await api("/provinces/khong-co/live", { headers: { Upgrade: "websocket", Authorization: "Bearer test-admin-token" } })).status).toBe(404);
    const p = await createProject(1);
    expect((await get(`/provinces/${p.provinceId}/live`)).status).toBe(426);
  });
});
