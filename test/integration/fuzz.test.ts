// Thousands of generated bad or hostile requests across every route: never a 5xx, never a changed
// total, never another project's data or a restricted fonds in a response.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../schema/wire";
import { app } from "../../worker/app";
import { api, createProject, get, OPERATOR, postCounters, signIn } from "./helpers";

/** Small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
];

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
        case 7: return { events: [{ id: pick(HOSTILE_STRINGS), fonds: pick([...HOSTILE_STRINGS, "1"]), kind: pick(["pages", "photos", ""]), delta: pick([0, -5, 1.5, "7", 1e12]) }] };
        default: return { email: pick(HOSTILE_STRINGS), password: pick(HOSTILE_STRINGS), table: pick(HOSTILE_STRINGS), name: pick(HOSTILE_STRINGS), role: "admin" };
      }
    };
    const hostileBody = (): string | undefined => {
      switch (Math.floor(random() * 6)) {
        case 0: return undefined;
        case 1: return "{\"events\": [";
        case 2: return "\u0000\u0001\u0002";
        case 3: return "[".repeat(5000);
        default: return JSON.stringify(hostileValue());
      }
    };
    const segments = [...HOSTILE_STRINGS.filter((x) => x !== "\uD800"), b.projectId, b.provinceId, a.projectId, a.provinceId];
    const hostileSegment = () => encodeURIComponent(pick(segments));

    const N = 2400;
    const statuses = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const route = pick(routes);
      const path = route.path
        .replace("/api/v1", "")
        .replace(/:([A-Za-z]+)/g, () => hostileSegment());
      const caller = pick(callers);
      const query = random() < 0.2 ? `?since=${hostileSegment()}&before=${hostileSegment()}` : "";
      const headers: Record<string, string> = { ...caller, "Content-Type": random() < 0.9 ? "application/json" : "text/plain" };
      if (route.path.endsWith("/live") && random() < 0.5) headers.Upgrade = "websocket";
      const res = await api(path + query, { method: route.method, headers, body: route.method === "GET" ? undefined : hostileBody() });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = res.status === 101 ? "" : await res.text();
      if (res.status === 101) {
        res.webSocket?.accept();
        res.webSocket?.close();
      }
      expect(res.status, `#${i} ${route.method} ${path}${query}`).toBeLessThan(500);
      // Nothing of project B reaches callers of A, and the restricted fonds of A reaches no one here.
      if (res.ok && !path.includes(b.projectId) && !path.includes(b.provinceId)) expect(text).not.toContain(b.projectId);
      expect(text).not.toContain("Thanh tra huyện Đức Thọ"); // fonds 3 of A, restricted
    }
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0); // some hostile-looking requests are legitimately answered
    expect(await before(a.projectId)).toMatchObject({ seq: aBefore.seq, totals: aBefore.totals });
    expect(await before(b.projectId)).toMatchObject({ seq: bBefore.seq, totals: bBefore.totals });
  }, 240_000);
});
