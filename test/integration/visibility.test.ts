// One visibility rule, proven from the route list: a restricted fonds with counters, a correction, a
// verification, an acceptance, alerts, plan moves, webhooks and reports (one made before it became
// restricted) must not reach a leader through any route a leader may call, nor through the live feed,
// neither by its code and name nor by a figure from which its figures could be derived.
import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import type { ServerMessage, Snapshot } from "../../schema/wire";
import { api, ADMIN, createProject, daysFromToday, drainAlarms, get, post, postCounters, room, signIn, Watcher } from "./helpers";
import { HIDDEN_CODE, HIDDEN_WORK_DAY, INSPECTION_DAY, HIDDEN_NAME, PLAN, leaks, displayRoutes, leaderRoutes, type World, text, as, CASES, DISPLAY_CASES, displayOf } from "./visibility-cases";

describe("restricted fonds reach no leader, through any route", () => {
  const w = {} as World;
  let liveBefore: Watcher;
  let restrictedAt = 0;

  beforeAll(async () => {
    w.p = await createProject(2, PLAN);
    const { projectId, provinceId, tokens } = w.p;
    w.leader = await signIn("Lãnh đạo tỉnh", "leader", { provinceId });
    w.projectLeader = await signIn("Lãnh đạo dự án", "leader", { projectId });
    w.displays = [await displayOf(`/projects/${projectId}/displays`), await displayOf(`/provinces/${provinceId}/displays`)];
    // A leader already watching when the fonds becomes restricted.
    liveBefore = await Watcher.open(projectId, "", as(w.leader));
    await postCounters(projectId, tokens[0]!, {
      events: [
        { id: "v1", fonds: "A1", kind: "pages", delta: 300 },
        { id: "v2", fonds: "A2", kind: "pages", delta: 200 },
        { id: "h1", fonds: HIDDEN_CODE, kind: "pages", delta: 5431, at: `${HIDDEN_WORK_DAY}T09:00:00+07:00` },
        { id: "h2", fonds: HIDDEN_CODE, kind: "documents", delta: 1234, at: `${HIDDEN_WORK_DAY}T09:00:00+07:00` },
      ],
    });
    await drainAlarms(projectId);
    const before = await post(`/projects/${projectId}/reports`, { from: daysFromToday(-29), to: daysFromToday(-1) });
    w.reportBefore = ((await before.json()) as { id: string }).id;

    expect((await api(`/projects/${projectId}/fonds/${HIDDEN_CODE}`, { method: "PATCH", headers: ADMIN, body: JSON.stringify({ restricted: true }) })).status).toBe(200);
    await liveBefore.until((m) => m.filter((x) => x.type === "snapshot").length >= 2);
    restrictedAt = liveBefore.messages.findLastIndex((x) => x.type === "snapshot");

    expect((await post(`/projects/${projectId}/corrections`, { fonds: HIDDEN_CODE, kind: "pages", delta: 13, reason: "lý do điều chỉnh mật" })).status).toBe(201);
    expect((await post(`/projects/${projectId}/verifications`, { inspectionDay: INSPECTION_DAY, rows: [{ fonds: HIDDEN_CODE, kind: "pages", verified: 5400, note: "ghi chú kiểm tra mật" }, { fonds: "A1", kind: "pages", verified: 300 }] })).status).toBe(201);
    expect((await post(`/projects/${projectId}/acceptances`, { fonds: HIDDEN_CODE, kind: "pages", amount: 5000, minuteNumber: "BB-MAT-99", minuteDate: daysFromToday(-5) })).status).toBe(201);
    expect((await post(`/projects/${projectId}/plan/move`, { kind: "pages", from: HIDDEN_CODE, to: "A1", amount: 1000, reason: "chuyển khối lượng mật" })).status).toBe(200);
    expect((await post(`/projects/${projectId}/plan/move`, { kind: "pages", from: "A2", to: "A1", amount: 40, reason: "điều chỉnh công khai" })).status).toBe(200);
    w.box = crypto.randomUUID();
    await post(`/projects/${projectId}/contact-points`, { name: "Nhóm Zalo", url: `${inject("webhookBase")}/hook/${w.box}` });
    for (const rule of [
      { type: "behind_schedule", kind: "pages", threshold: 0.05 },
      { type: "behind_schedule", kind: "documents", threshold: 0.05 },
      { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05 },
      { type: "behind_schedule", fonds: HIDDEN_CODE, kind: "documents", threshold: 0.05 },
      { type: "under_plan", fonds: "*", threshold: 0.05 },
    ]) {
      expect((await post(`/projects/${projectId}/alert-rules`, rule)).status).toBe(201);
    }
    // Only the hidden fonds is worked on: a leader's feed must not step.
    await postCounters(projectId, tokens[1]!, { events: [{ id: "h3", fonds: HIDDEN_CODE, kind: "pages", delta: 77 }] });
    const stub = room(projectId);
    await stub.runAlerts(Date.now());
    await stub.runAlerts(Date.now() + 60_000);
    await drainAlarms(projectId);
    const after = await post(`/projects/${projectId}/reports`, { from: daysFromToday(-29), to: daysFromToday(-1) });
    w.reportAfter = ((await after.json()) as { id: string }).id;

    // What the hidden fonds holds, and every total over the project that would include it.
    const all = (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;
    const shown = (await (await get(`/projects/${projectId}/snapshot`, as(w.leader))).json()) as Snapshot;
    const sum = (s: Snapshot, kind: string) => s.totals.filter((t) => t.kind === kind).reduce((n, t) => n + t.amount, 0);
    const hiddenPlan = all.fonds.find((f) => f.code === HIDDEN_CODE)!;
    const plans = (s: Snapshot, kind: string) => s.fonds.reduce((n, f) => n + (f.approved[kind] ?? 0), 0);
    w.figures = [
      5431 + 13 + 77, // hidden pages actual
      1234, // hidden documents actual
      ...["pages", "documents"].map((k) => sum(all, k)),
      ...["pages", "documents"].map((k) => plans(all, k)),
      hiddenPlan.approved.pages!,
      hiddenPlan.approved.documents!,
      98765,
      4567,
    ];
    // The leader's figures are what they can see, and differ from every hidden or all-inclusive one.
    for (const k of ["pages", "documents"]) expect(w.figures).not.toContain(sum(shown, k));
    expect(sum(shown, "pages")).toBe(500);
  });

  it("has a case for every route a leader may call, and no stale ones", () => {
    expect(leaderRoutes()).toEqual(Object.keys(CASES).sort());
  });

  it.each(leaderRoutes())("%s", async (route) => {
    const call = CASES[route];
    expect(call, `no case for ${route}: add one to CASES in this file`).toBeDefined();
    for (const leader of [w.leader, w.projectLeader]) {
      for (const body of await call!(w, leader)) expect(leaks(body, w.figures), `${route}`).toEqual([]);
    }
  });

  it("has a case for every route a display may call", () => {
    for (const route of displayRoutes()) expect(CASES[route] ?? DISPLAY_CASES[route], `no case for ${route}`).toBeDefined();
  });

  it.each(displayRoutes())("%s, called by a wall-screen display", async (route) => {
    const call = CASES[route] ?? DISPLAY_CASES[route];
    let answered = 0;
    for (const display of w.displays) {
      const bodies = await call!(w, display);
      answered += bodies.length;
      for (const body of bodies) expect(leaks(body, w.figures), `${route}`).toEqual([]);
    }
    expect(answered, "the province's display at least reads it").toBeGreaterThan(0);
  });

  it("re-snapshots an open leader feed when a fonds becomes restricted, and never steps it for hidden work", async () => {
    const after = liveBefore.messages.slice(restrictedAt);
    expect(after[0]?.type).toBe("snapshot");
    expect(leaks(JSON.stringify(after), w.figures)).toEqual([]);
    const seqs = after.filter((m): m is Extract<ServerMessage, { type: "delta" | "snapshot" }> => m.type === "delta" || m.type === "snapshot").map((m) => m.seq);
    // Hidden counters and the hidden correction came after the restriction: the leader's seq never moved.
    expect(new Set(seqs).size).toBe(1);
    expect(after.filter((m) => m.type === "delta"), "no frame at all for hidden work").toEqual([]);
    expect(liveBefore.state().totals).toEqual(new Map([["A1/pages", 300], ["A2/pages", 200]]));
    liveBefore.close();
  });

  it("keeps a supervisor's view whole", async () => {
    const supervisor = await signIn("Giám sát", "supervisor", { provinceId: w.p.provinceId });
    const report = await text(await get(`/projects/${w.p.projectId}/reports/${w.reportAfter}`, as(supervisor)));
    expect(report).toContain(HIDDEN_NAME);
    const moves = await text(await get(`/projects/${w.p.projectId}/plan/moves`, as(supervisor)));
    expect(moves).toContain("chuyển khối lượng mật");
    const alerts = await text(await get(`/projects/${w.p.projectId}/alerts`, as(supervisor)));
    expect(alerts).toContain(HIDDEN_CODE);
  });

  it("sends outside channels (webhooks) nothing about the hidden fonds", async () => {
    const log = (await (await fetch(`${inject("webhookBase")}/log/${w.box}`)).json()) as unknown[];
    expect(log.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(log), w.figures)).toEqual([]);
    const deliveries = await text(await get(`/projects/${w.p.projectId}/deliveries`));
    expect(deliveries).toContain("withheld: restricted fonds");
  });
});

describe("the live feed and the page's origin", () => {
  it("refuses a cookie-authenticated upgrade from another origin or with no origin", async () => {
    const { projectId, provinceId } = await createProject();
    const s = await signIn("Giám sát", "supervisor", { provinceId });
    for (const origin of ["https://evil.example", "http://sub.example.com", undefined]) {
      const headers: Record<string, string> = { Cookie: s.cookie, Upgrade: "websocket" };
      if (origin) headers.Origin = origin;
      const res = await api(`/projects/${projectId}/live`, { headers });
      expect(res.status, String(origin)).toBe(403);
    }
    const ok = await Watcher.open(projectId, "", { Cookie: s.cookie });
    ok.close();
  });
});
