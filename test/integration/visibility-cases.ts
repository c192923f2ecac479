// The world of the visibility test: a restricted fonds, what would betray it, and how a leader or a
// display calls each route it may call (a leader-callable route without a case fails the test).
import { readSheet } from "read-excel-file/universal";
import { expect } from "vitest";
import { POLICY } from "../../worker/auth/policy";
import { app } from "../../worker/app";
import { readDocx } from "../docx-text";
import { api, CardWatcher, daysFromToday, get, post, testPeriod, Watcher, type SignedIn, type TestProject } from "./helpers";

export const HIDDEN_CODE = "M-7";
// Within the retention window and before the reports and the inspection below, whatever today is.
export const HIDDEN_WORK_DAY = daysFromToday(-28);
export const INSPECTION_DAY = daysFromToday(-10);
export const HIDDEN_NAME = "Phông Mật Đặc Biệt";
export const PLAN = [
  "STT\tMã phông\tTên phông\tNhập trường thông tin hồ sơ\tNhập trường thông tin văn bản\tSố hóa trang tài liệu",
  "1\tA1\tỦy ban nhân dân huyện Can Lộc\t43\t4.895\t11.062",
  "2\tA2\tPhòng Tư pháp huyện Can Lộc\t23\t206\t1.640",
  `3\t${HIDDEN_CODE}\t${HIDDEN_NAME}\t19\t4.567\t98.765`,
].join("\n");

export const SECRET_TEXTS = [HIDDEN_CODE, HIDDEN_NAME, "lý do điều chỉnh mật", "ghi chú kiểm tra mật", "BB-MAT-99", "chuyển khối lượng mật"];

/** A figure as JSON, CSV or a page would write it: 98765 or 98.765 (Vietnamese) or 98,765 (English). */
export function figurePattern(n: number): RegExp {
  const plain = String(n);
  const grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, "#");
  const forms = [plain, grouped.replaceAll("#", "\\."), grouped.replaceAll("#", ",")];
  return new RegExp(`(?<![0-9A-Za-z.,])(${[...new Set(forms)].join("|")})(?![0-9A-Za-z])`);
}

export function leaks(text: string, figures: readonly number[]): string[] {
  const found = SECRET_TEXTS.filter((s) => text.includes(s));
  for (const n of figures) if (figurePattern(n).test(text)) found.push(String(n));
  return found;
}

/** Every route a wall-screen display may call (worker/auth/policy.ts `wall`), from the app itself. */
export function displayRoutes(): string[] {
  const routes = [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];
  return routes
    .filter((r) => {
      const rule = POLICY[r];
      return rule?.kind === "display" || ((rule?.kind === "project" || rule?.kind === "province") && rule.wall === true);
    })
    .sort();
}

/** Every route a leader may call, from the app itself and its access rules. */
export function leaderRoutes(): string[] {
  const routes = [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];
  return routes
    .filter((r) => {
      const rule = POLICY[r];
      return rule?.kind === "public" || rule?.kind === "signed-in" || ((rule?.kind === "project" || rule?.kind === "province") && rule.min === "leader");
    })
    .sort();
}

export interface World {
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

export type Case = (w: World, as: SignedIn) => Promise<string[]>;

export const text = async (res: Response) => {
  expect(res.status, res.url).toBeLessThan(400);
  return res.text();
};
export const as = (s: SignedIn) => ({ Cookie: s.cookie });

export const reportRoute = (pick: (w: World) => string, suffix = "") => async (w: World, s: SignedIn) => [
  await text(await get(`/projects/${w.p.projectId}/reports/${pick(w)}${suffix}`, as(s))),
  ...(suffix === "/csv" ? [await text(await get(`/projects/${w.p.projectId}/reports/${pick(w)}/csv?locale=en`, as(s)))] : []),
];

export const xlsxText = (pick: (w: World) => string) => async (w: World, s: SignedIn) => {
  const res = await get(`/projects/${w.p.projectId}/reports/${pick(w)}/xlsx`, as(s));
  expect(res.status).toBe(200);
  return [JSON.stringify(await readSheet(await res.arrayBuffer()))];
};

export const docxText = (pick: (w: World) => string) => async (w: World, s: SignedIn) =>
  Promise.all(
    ["vi", "en"].map(async (locale) => {
      const res = await get(`/projects/${w.p.projectId}/reports/${pick(w)}/docx?locale=${locale}`, as(s));
      expect(res.status).toBe(200);
      const doc = await readDocx(await res.arrayBuffer());
      return JSON.stringify([doc.paragraphs, doc.tables]);
    }),
  );

/** How a leader calls each route, and what it receives. A leader-callable route without a case fails the test. */
export const CASES: Record<string, Case> = {
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
export const DISPLAY_CASES: Record<string, Case> = {
  "GET /api/v1/display": async (_w, s) => [await text(await get("/display", as(s)))],
};

export async function displayOf(path: string): Promise<SignedIn> {
  const res = await post(path, { name: "Màn hình phòng họp" });
  expect(res.status).toBe(201);
  const cookie = `display=${((await res.json()) as { token: string }).token}`;
  return { userId: "", email: "", cookie, headers: { Cookie: cookie, "Content-Type": "application/json" } };
}
