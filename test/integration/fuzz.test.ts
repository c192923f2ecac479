// Thousands of generated bad or hostile requests across every route: never a 5xx, never a changed
// total, never another project's data or a restricted fonds in a response.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../schema/wire";
import { app } from "../../worker/app";
import { api, createProject, drainAlarms, get, OPERATOR, postCounters, signIn } from "./helpers";
import { seededRandom as rng } from "../seeded-random";

const HOSTILE_STRINGS = [
  "",
  " ",
  "' OR 1=1 --",
  "\"; DROP TABLE counter_events; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\uD800",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "Phòng Tư pháp huyện Can Lộc",
  "x".repeat(10_000),
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "1e309",
  "0x10",
  "null",
  "\uDC00tail",
  "Lo\u0302\u0323c", // NFD
  "=1+2",
  "0026-01-01",
  "0001-01-01",
  "0000-00-00",
  "2026-02-30",
  "999999.6",
  "-0",
];

/** Raw path segments, sent as they are: malformed escapes and the UTF-8 bytes of a lone surrogate. */
const RAW_SEGMENTS = ["%E0%A4%A", "%ED%A0%80", "%", "%zz", "%C0%AF", "%00", "Lo%CC%82%CC%A3c"];

/** Odd numbers; the two sentinels become raw JSON text that JSON.stringify cannot write (-0, and 1e999 = Infinity). */
const NEG_ZERO = "__neg_zero__";
const HUGE = "__1e999__";
const ODD_NUMBERS: unknown[] = [1e308, NEG_ZERO, HUGE, 999999.6, 1.5, 0.29, 0.001, 1e-7, Number.MAX_SAFE_INTEGER + 2, "NaN", "1e309", null];
const json = (v: unknown) => JSON.stringify(v).replaceAll(`"${NEG_ZERO}"`, "-0").replaceAll(`"${HUGE}"`, "1e999");

const CONTENT_TYPES = ["application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", undefined];

const DATES = ["2026-03-02", "2026-12-31", "0026-01-01", "0001-01-01", "0000-01-01", "2101-01-01", "1999-12-31", "2026-02-30", "26-01-01", "\uD800", ""];

/** Every 4xx is the one error shape. */
function expectErrorShape(status: number, text: string, label: string): void {
  if (status < 400) return;
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, label).toBe("string");
  expect(typeof body.error?.message, label).toBe("string");
}

describe("fuzz: hostile input across all endpoints", () => {
  it("never answers 5xx, never changes a total, never leaks another project or a restricted fonds", async () => {
    const a = await createProject(1);
    const b = await createProject(1);
    // A restricted fonds in A, and a recognisable name in B, to look for in every response.
    await api(`/projects/${a.projectId}/fonds/3`, { method: "PATCH", headers: { ...OPERATOR, "Content-Type": "application/json" }, body: JSON.stringify({ restricted: true }) });
    await postCounters(a.projectId, a.tokens[0]!, { events: [{ id: "base-1", fonds: "1", kind: "pages", delta: 100 }, { id: "base-3", fonds: "3", kind: "files", delta: 2 }] });
    await postCounters(b.projectId, b.tokens[0]!, { events: [{ id: "base-b", fonds: "2", kind: "pages", delta: 50 }] });
    const before = async (projectId: string) => (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;
    const aBefore = await before(a.projectId);
    const bBefore = await before(b.projectId);

    const leaderA = await signIn("Lãnh đạo A", "leader", { provinceId: a.provinceId });
    const callers: Record<string, string>[] = [
      {},
      { Authorization: "Bearer " },
      { Authorization: "Bearer st_forged-token-that-does-not-exist" },
      { Authorization: `Bearer ${b.tokens[0]}x` },
      { Authorization: "Basic YWRtaW46YWRtaW4=" },
      { Authorization: `Bearer ${a.tokens[0]}` },
      { Cookie: "sid=sid_forged" },
      { Cookie: leaderA.cookie }, // no CSRF token: writes must fail
      { Cookie: leaderA.cookie, "X-CSRF-Token": "wrong" },
    ];
    const routes = app.routes.filter((r) => r.method !== "ALL");
    const random = rng(20261122);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const hostileValue = (depth = 0): unknown => {
      switch (Math.floor(random() * 9)) {
        case 0: return pick(HOSTILE_STRINGS);
        case 1: return Math.floor(random() * 2e9) - 1e9;
        case 2: return random() < 0.5 ? -0.001 : 1.5;
        case 3: return null;
        case 4: return random() < 0.5;
        case 5: return depth > 3 ? [] : Array.from({ length: Math.floor(random() * 4) }, () => hostileValue(depth + 1));
        case 6: return depth > 3 ? {} : Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(HOSTILE_STRINGS).slice(0, 20), hostileValue(depth + 1)]));
        case 7: {
          // Every delta here is invalid, so A's totals cannot change however the rest turns out.
          const at = pick([undefined, "0026-11-22T09:15:00+07:00", "0001-01-01T00:00:00Z", "2026-11-22T09:15:00+07:00", "\uD800"]);
          return { events: [{ id: pick(HOSTILE_STRINGS), fonds: pick([...HOSTILE_STRINGS, "1"]), kind: pick(["pages", "photos", "", "metres"]), delta: pick([0, -5, 1.5, "7", 1e12, 999999.6, 1e308, NEG_ZERO, HUGE, "NaN", 0.001]), ...(at ? { at } : {}) }] };
        }
        default: return { email: pick(HOSTILE_STRINGS), password: pick(HOSTILE_STRINGS), table: pick(HOSTILE_STRINGS), name: pick(HOSTILE_STRINGS), role: "admin" };
      }
    };
    const hostileBody = (): string | undefined => {
      switch (Math.floor(random() * 6)) {
        case 0: return undefined;
        case 1: return "{\"events\": [";
        case 2: return "\u0000\u0001\u0002";
        case 3: return "[".repeat(5000);
        default: return json(hostileValue());
      }
    };
    // encodeURIComponent throws on lone surrogates: those travel as RAW_SEGMENTS.
    const segments = [...HOSTILE_STRINGS.filter((x) => !/\p{Cs}/u.test(x)), b.projectId, b.provinceId, a.projectId, a.provinceId];
    const hostileSegment = () => (random() < 0.15 ? pick(RAW_SEGMENTS) : encodeURIComponent(pick(segments)));

    const N = 2400;
    const statuses = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const route = pick(routes);
      const path = route.path
        .replace("/api/v1", "")
        .replace(/:([A-Za-z]+)/g, () => hostileSegment());
      const caller = pick(callers);
      const query = random() < 0.2 ? `?since=${hostileSegment()}&before=${hostileSegment()}` : "";
      const headers: Record<string, string> = { ...caller };
      const contentType = pick(CONTENT_TYPES);
      if (contentType) headers["Content-Type"] = contentType;
      if (route.path.endsWith("/live") && random() < 0.5) headers.Upgrade = "websocket";
      const res = await api(path + query, { method: route.method, headers, body: route.method === "GET" ? undefined : hostileBody() });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = res.status === 101 ? "" : await res.text();
      if (res.status === 101) {
        res.webSocket?.accept();
        res.webSocket?.close();
      }
      expect(res.status, `#${i} ${route.method} ${path}${query}`).toBeLessThan(500);
      expectErrorShape(res.status, text, `#${i} ${route.method} ${path}${query}`);
      // Nothing of project B reaches callers of A, and the restricted fonds of A reaches no one here.
      if (res.ok && !path.includes(b.projectId) && !path.includes(b.provinceId)) expect(text).not.toContain(b.projectId);
      expect(text).not.toContain("Thanh tra huyện Đức Thọ"); // fonds 3 of A, restricted
    }
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0); // some hostile-looking requests are legitimately answered
    expect(await before(a.projectId)).toMatchObject({ seq: aBefore.seq, totals: aBefore.totals });
    expect(await before(b.projectId)).toMatchObject({ seq: bBefore.seq, totals: bBefore.totals });
  }, 240_000);

  it("an administrator's odd dates, numbers, text and content types are refused or stored sanely; the project keeps working", async () => {
    const c = await createProject(1, ["Mã phông\tTên phông\tSố hóa trang tài liệu\tChỉnh lý sơ bộ (mét)", "L\u1ed9c-1\tỦy ban nhân dân huyện Can Lộc\t11.062\t33,60", "2\tPhòng Tư pháp\t1.640\t10"].join("\n"));
    const random = rng(20261123);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const d = () => pick(DATES);
    const t = () => pick(HOSTILE_STRINGS.filter((x) => x.length < 1000));
    const n = () => pick([...ODD_NUMBERS, 5, 12.5]);
    const fondsCode = () => pick(["L\u1ed9c-1", "Lo\u0302\u0323c-1", "2", "\uD800", "=1+2"]);
    const kind = () => pick(["pages", "metres", "files"]);
    const p = `/projects/${c.projectId}`;
    const writes: [string, string, () => unknown][] = [
      ["PUT", `${p}/calendar`, () => ({ holidays: [d()], workingSaturdays: [d()] })],
      ["POST", `${p}/reports`, () => ({ from: d(), to: d() })],
      ["POST", `/provinces/${c.provinceId}/projects`, () => ({ id: c.projectId, name: t(), periodStart: d(), periodEnd: d() })],
      ["POST", `${p}/plan/periods`, () => ({ rows: [{ fonds: fondsCode(), kind: kind(), from: d(), to: d(), amount: n() }] })],
      ["POST", `${p}/plan/move`, () => ({ kind: kind(), from: fondsCode(), to: fondsCode(), amount: n(), reason: t() })],
      ["POST", `${p}/corrections`, () => ({ fonds: fondsCode(), kind: kind(), delta: n(), reason: t() })],
      ["POST", `${p}/verifications`, () => ({ inspectionDay: d(), rows: [{ fonds: fondsCode(), kind: kind(), verified: n(), note: t() }] })],
      ["POST", `${p}/acceptances`, () => ({ fonds: fondsCode(), kind: kind(), amount: n(), minuteNumber: t(), minuteDate: d() })],
      ["PATCH", `${p}/fonds/${pick([...RAW_SEGMENTS, "2", encodeURIComponent("Lo\u0302\u0323c-1")])}`, () => ({ agency: t() })],
      ["POST", `${p}/stations`, () => ({ name: t() })],
      ["POST", `${p}/alert-rules`, () => ({ type: "behind_schedule", fonds: fondsCode(), kind: kind(), threshold: n() })],
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      const [method, path, body] = pick(writes);
      const headers: Record<string, string> = { ...OPERATOR };
      const contentType = random() < 0.8 ? "application/json" : pick(CONTENT_TYPES);
      if (contentType) headers["Content-Type"] = contentType;
      const res = await api(path, { method, headers, body: json(body()) });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `#${i} ${method} ${path} ${text.slice(0, 200)}`).toBeLessThan(500);
      expectErrorShape(res.status, text, `#${i} ${method} ${path}`);
    }
    expect(statuses.get(415) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
    // Whatever was stored, the project still answers: snapshot, a report over its period, alerts.
    expect((await get(`${p}/snapshot`)).status).toBe(200);
    const snap = (await (await get(`${p}/snapshot`)).json()) as Snapshot;
    const report = await api(`${p}/reports`, { method: "POST", headers: { ...OPERATOR, "Content-Type": "application/json" }, body: JSON.stringify({ from: snap.project.periodStart, to: snap.project.periodEnd }) });
    expect(report.status, await report.clone().text()).toBe(201);
    const { id } = (await report.json()) as { id: string };
    for (const format of ["csv", "xlsx"]) expect((await get(`${p}/reports/${id}/${format}`)).status).toBe(200);
    expect((await get(`${p}/alerts`)).status).toBe(200);
    await drainAlarms(c.projectId);
  }, 120_000);
});
