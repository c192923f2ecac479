// One visibility rule, proven from the route list: a restricted fonds with counters, a correction, a
// verification, an acceptance, alerts, plan moves, webhooks and reports (one made before it became
// restricted) must not reach a leader through any route a leader may call, nor through the live feed,
// neither by its code and name nor by a figure from which its figures could be derived.
import { inject } from "vitest";
import { readSheet } from "read-excel-file/universal";
import { beforeAll, describe, expect, it } from "vitest";
import type { ServerMessage, Snapshot } from "../../schema/wire";
import { POLICY } from "../../worker/auth/policy";
import { app } from "../../worker/app";
import { readDocx } from "../docx-text";
import { api, ADMIN, CardWatcher, createProject, daysFromToday, drainAlarms, get, post, postCounters, room, signIn, testPeriod, Watcher, type SignedIn, type TestProject } from "./helpers";

const HIDDEN_CODE = "M-7";
// Within the retention window and before the reports and the inspection below, whatever today is.
const HIDDEN_WORK_DAY = daysFromToday(-28);
const INSPECTION_DAY = daysFromToday(-10);
const HIDDEN_NAME = "Phông Mật Đặc Biệt";
const PLAN = [
  "STT\tMã phông\tTên phông\tNhập trường thông tin hồ sơ\tNhập trường thông tin văn bản\tSố hóa trang tài liệu",
  "1\tA1\tỦy ban nhân dân huyện Can Lộc\t43\t4.895\t11.062",
  "2\tA2\tPhòng Tư pháp huyện Can Lộc\t23\t206\t1.640",
  `3\t${HIDDEN_CODE}\t${HIDDEN_NAME}\t19\t4.567\t98.765`,
].join("\n");

const SECRET_TEXTS = [HIDDEN_CODE, HIDDEN_NAME, "lý do điều chỉnh mật", "ghi chú kiểm tra mật", "BB-MAT-99", "chuyển khối lượng mật"];

/** A figure as JSON, CSV or a page would write it: 98765 or 98.765 (Vietnamese) or 98,765 (English). */
function figurePattern(n: number): RegExp {
  const plain = String(n);
  const grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, "#");
  const forms = [plain, grouped.replaceAll("#", "\\."), grouped.replaceAll("#", ",")];
  return new RegExp(`(?<![0-9A-Za-z.,])(${[...new Set(forms)].join("|")})(?![0-9A-Za-z])`);
}

function leaks(text: string, figures: readonly number[]): string[] {
  const found = SECRET_TEXTS.filter((s) => text.includes(s));
  for (const n of figures) if (figurePattern(n).test(text)) found.push(String(n));
  return found;
}

/** Every route a wall-screen display may call (worker/auth/policy.ts `wall`), from the app itself. */
function displayRoutes(): string[] {
  const routes = [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];
  return routes
    .filter((r) => {
      const rule = POLICY[r];
      return rule?.kind === "display" || ((rule?.kind === "project" || rule?.kind === "province") && rule.wall === true);
    })
    .sort();
}

/** Every route a leader may call, from the app itself and its access rules. */
function leaderRoutes(): string[] {
  const routes = [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];
  return routes
    .filter((r) => {
      const rule = POLICY[r];
      return rule?.kind === "public" || rule?.kind === "signed-in" || ((rule?.kind === "project" || rule?.kind === "province") && rule.min === "leader");
    })
    .sort();
}

interface World {
  p: TestProject;
  leader: SignedIn;
  projectLeader: SignedIn;
  /** Wall-screen displays of the project and of its province, holding the cookie the wall page gets. */
  displays: SignedIn[];
  reportBefore: string;
  reportAfter: string;
  box: string;
  /** Figures of the hidden fonds, and totals that include them. */
  figures: number[];
}

type Case = (w: World, as: SignedIn) => Promise<string[]>;

const text = async (res: Response) => {
  expect(res.status, res.url).toBeLessThan(400);
  return res.text();
};
const as = (s: SignedIn) => ({ Cookie: s.cookie });

const reportRoute = (pick: (w: World) => string, suffix = "") => async (w: World, s: SignedIn) => [
  await text(await get(`/projects/${w.p.projectId}/reports/${pick(w)}${suffix}`, as(s))),
  ...(suffix === "/csv" ? [await text(await get(`/projects/${w.p.projectId}/reports/${pick(w)}/csv?locale=en`, as(s)))] : []),
];

const xlsxText = (pick: (w: World) => string) => async (w: World, s: SignedIn) => {
  const res = await get(`/projects/${w.p.projectId}/reports/${pick(w)}/xlsx`, as(s));
  expect(res.status).toBe(200);
  return [JSON.stringify(await readSheet(await res.arrayBuffer()))];
};

const docxText = (pick: (w: World) => string) => async (w: World, s: SignedIn) =>
  Promise.all(
    ["vi", "en"].map(async (locale) => {
      const res = await get(`/projects/${w.p.projectId}/reports/${pick(w)}/docx?locale=${locale}`, as(s));
      expect(res.status).toBe(200);
      const doc = await readDocx(await res.arrayBuffer());
      return JSON.stringify([doc.paragraphs, doc.tables]);
    }),
  );

/** How a leader calls each route, and what it receives. A leader-callable route without a case fails the test. */
const CASES: Record<string, Case> = {
  "GET /api/v1/openapi.json": async () => [await text(await get("/openapi.json", {}))],
  "POST /api/v1/auth/login": async () => [], // answers the caller's own account only (auth.test.ts)
  "GET /api/v1/first-run": async () => [await text(await get("/first-run", {}))],
  "POST /api/v1/display/session": async () => [], // answers the display's own name and scope (displays.test.ts)
  "POST /api/v1/auth/logout": async () => [], // an empty acknowledgement
  "POST /api/v1/auth/logout-all": async () => [], // an empty acknowledgement
  "POST /api/v1/me/password": async () => [], // the caller's own account (accounts.test.ts)
  "GET /api/v1/users": async (_w, s) => [await text(await get("/users", as(s)))],
  "GET /api/v1/me": async (_w, s) => [await text(await get("/me", as(s)))],
  "GET /api/v1/provinces": async (_w, s) => [await text(await get("/provinces", as(s)))],
  "GET /api/v1/provinces/:provinceId/overview": async (w, s) => {
    const res = await get(`/provinces/${w.p.provinceId}/overview`, as(s));
    return res.status === 403 ? [] : [await text(res)]; // a project-level leader has no province view
  },
  "GET /api/v1/provinces/:provinceId/live": async (w, s) => {
    const res = await api(`/provinces/${w.p.provinceId}/live`, { headers: { Origin: "http://example.com", ...as(s), Upgrade: "websocket" } });
    if (res.status === 403) return []; // a project-level leader has no province view
    await res.body?.cancel();
    const feed = await CardWatcher.open(w.p.provinceId, as(s));
    await feed.until((f) => f.cards().has(w.p.projectId));
    // The changes that follow the whole province too: wait for the alerts' and counters' push to pass.
    await new Promise((r) => setTimeout(r, 2_500));
    feed.close();
    return [JSON.stringify(feed.messages)];
  },
  "GET /api/v1/national/live": async (w, s) => {
    const res = await api("/national/live", { headers: { Origin: "http://example.com", ...as(s), Upgrade: "websocket" } });
    if (res.status === 403) return []; // a project-level leader watches no province whole
    await res.body?.cancel();
    const feed = await CardWatcher.open("", as(s), "/national/live");
    await feed.until((f) => f.messages.some((m) => JSON.stringify(m).includes(w.p.provinceId)));
    await new Promise((r) => setTimeout(r, 1_500));
    feed.close();
    return [JSON.stringify(feed.messages)];
  },
  "GET /api/v1/projects/:projectId/snapshot": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/snapshot`, as(s)))],
  "GET /api/v1/projects/:projectId/live": async (w, s) => {
    const fresh = await Watcher.open(w.p.projectId, "", as(s));
    const replay = await Watcher.open(w.p.projectId, "?since=0", as(s));
    await fresh.until((m) => m.some((x) => x.type === "alerts"));
    await replay.until((m) => m.some((x) => x.type === "alerts"));
    fresh.close();
    replay.close();
    return [JSON.stringify(fresh.messages), JSON.stringify(replay.messages)];
  },
  "GET /api/v1/projects/:projectId/alert-rules": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/alert-rules`, as(s)))],
  "GET /api/v1/projects/:projectId/alerts": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/alerts`, as(s)))],
  "GET /api/v1/projects/:projectId/alerts/history": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/alerts/history`, as(s)))],
  "GET /api/v1/projects/:projectId/calendar": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/calendar`, as(s)))],
  "GET /api/v1/projects/:projectId/plan/moves": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/plan/moves`, as(s)))],
  "GET /api/v1/projects/:projectId/reports": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/reports`, as(s)))],
  "POST /api/v1/projects/:projectId/reports": async (w, s) => {
    const res = await post(`/projects/${w.p.projectId}/reports`, { from: testPeriod().periodStart, to: daysFromToday(-1) }, { ...s.headers, Origin: "http://example.com" });
    const created = (await res.json()) as { id: string };
    return [JSON.stringify(created), await text(await get(`/projects/${w.p.projectId}/reports/${created.id}`, as(s)))];
  },
  "GET /api/v1/projects/:projectId/reports/:reportId": async (w, s) => [
    ...(await reportRoute((x) => x.reportBefore)(w, s)),
    ...(await reportRoute((x) => x.reportAfter)(w, s)),
  ],
  "GET /api/v1/projects/:projectId/reports/:reportId/csv": async (w, s) => [
    ...(await reportRoute((x) => x.reportBefore, "/csv")(w, s)),
    ...(await reportRoute((x) => x.reportAfter, "/csv")(w, s)),
  ],
  "GET /api/v1/projects/:projectId/reports/:reportId/xlsx": async (w, s) => [...(await xlsxText((x) => x.reportBefore)(w, s)), ...(await xlsxText((x) => x.reportAfter)(w, s))],
  "GET /api/v1/projects/:projectId/reports/:reportId/docx": async (w, s) => [...(await docxText((x) => x.reportBefore)(w, s)), ...(await docxText((x) => x.reportAfter)(w, s))],
  "GET /api/v1/projects/:projectId/reporting-calendar": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/reporting-calendar`, as(s)))],
  "POST /api/v1/projects/:projectId/reports/catch-up": async (w, s) => [await text(await api(`/projects/${w.p.projectId}/reports/catch-up`, { method: "POST", headers: { ...s.headers, Origin: "http://example.com" } }))],
  "GET /api/v1/projects/:projectId/corrections": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/corrections`, as(s)))],
  "GET /api/v1/projects/:projectId/counted": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/counted?day=${INSPECTION_DAY}`, as(s)))],
  "GET /api/v1/projects/:projectId/verifications": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/verifications`, as(s)))],
  "GET /api/v1/projects/:projectId/acceptances/report": async (w, s) => [await text(await get(`/projects/${w.p.projectId}/acceptances/report`, as(s)))],
};

/** Routes only a display calls; the others it shares with leaders (CASES). */
const DISPLAY_CASES: Record<string, Case> = {
  "GET /api/v1/display": async (_w, s) => [await text(await get("/display", as(s)))],
};

async function displayOf(path: string): Promise<SignedIn> {
  const res = await post(path, { name: "Màn hình phòng họp" });
  expect(res.status).toBe(201);
  const cookie = `display=${((await res.json()) as { token: string }).token}`;
  return { userId: "", email: "", cookie, headers: { Cookie: cookie, "Content-Type": "application/json" } };
}

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
