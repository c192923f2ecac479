// Alert state that reads true, on a controlled clock: keep-firing-for against flapping, no data before a
// project's first counter, bulk acknowledgement and silence (all or nothing), unsilence, and the history timeline.
import { describe, expect, inject, it } from "vitest";
import { addDays, DEFAULT_CALENDAR, isWorkingDay, workingDaysBetween } from "../../schema/calendar";
import { dayInZone } from "../../schema/time";
import { displayState, firingCount } from "../../schema/alert-state";
import type { AlertView } from "../../schema/wire";
import { ADMIN, api, createProject, drainAlarms, get, post, postCounters, room, signIn, testPeriod } from "./helpers";

const MIN = 60_000;
const ALL_PAGES = [{ id: "a", fonds: "1", kind: "pages", delta: 11061 }, { id: "b", fonds: "2", kind: "pages", delta: 1640 }, { id: "c", fonds: "3", kind: "pages", delta: 1017 }];

async function addRule(projectId: string, rule: Record<string, unknown>): Promise<string> {
  const res = await post(`/projects/${projectId}/alert-rules`, rule);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function alerts(projectId: string, headers?: Record<string, string>): Promise<AlertView[]> {
  return ((await (await get(`/projects/${projectId}/alerts`, headers)).json()) as { alerts: AlertView[] }).alerts;
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("starter rules", () => {
  it("a new project starts with the three starter rules, editable; updating the project adds none", async () => {
    const { projectId, provinceId } = await createProject(1, undefined, { starterRules: true });
    type Rule = { id: string; type: string; fonds: string | null; threshold: number };
    const list = async () => ((await (await get(`/projects/${projectId}/alert-rules`)).json()) as { rules: Rule[] }).rules;
    const rules = await list();
    expect(rules.map((r) => [r.type, r.fonds]).sort()).toEqual([["behind_schedule", null], ["silent_station", null], ["under_plan", "*"]]);
    await post(`/provinces/${provinceId}/projects`, { id: projectId, name: "Đổi tên", legalBasis: "", ...testPeriod() });
    expect(await list()).toHaveLength(3);
    const behind = rules.find((r) => r.type === "behind_schedule")!;
    const res = await api(`/projects/${projectId}/alert-rules/${behind.id}`, { method: "PATCH", headers: ADMIN, body: JSON.stringify({ threshold: 0.1 }) });
    expect(res.status).toBe(200);
  });
});

describe("keep firing for", () => {
  it("stays firing for the rule's minutes after the condition clears, then resolves", async () => {
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    await addRule(projectId, { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 0, keepFiringMinutes: 30 });
    expect((await alerts(projectId))[0]).toMatchObject({ state: "firing", clearedAt: null, keepFiringMinutes: 30 });
    await postCounters(projectId, tokens[0]!, { events: ALL_PAGES });
    const held = await until(() => alerts(projectId), (a) => a[0]?.clearedAt !== null);
    expect(held[0]).toMatchObject({ state: "firing", values: { actual: 13719 } });
    const cleared = held[0]!.clearedAt!;
    const stub = room(projectId);
    expect((await stub.runAlerts(cleared + 29 * MIN))[0]?.state).toBe("firing");
    expect((await stub.runAlerts(cleared + 30 * MIN))[0]?.state).toBe("resolved");
  });
});

describe("no data", () => {
  it("a project with no counters holds one no-data instance, not a behind alert per kind, and says it has not started after its grace", async () => {
    const box = crypto.randomUUID();
    const { projectId, provinceId, tokens } = await createProject();
    // The period starts today: a brand-new project.
    const today = dayInZone(Date.now(), "Asia/Ho_Chi_Minh");
    const upd = await post(`/provinces/${provinceId}/projects`, { id: projectId, name: "Số hóa tài liệu lưu trữ 2026", legalBasis: "Quyết định 4020/QĐ-UBND", periodStart: today, periodEnd: addDays(today, 400) });
    expect(upd.status).toBe(200);
    await post(`/projects/${projectId}/contact-points`, { name: "bot", url: `${inject("webhookBase")}/hook/${box}`, groupWaitSeconds: 0 });
    await addRule(projectId, { type: "behind_schedule", threshold: 0.05, pendingMinutes: 0 });
    expect(await alerts(projectId)).toEqual([expect.objectContaining({ scope: "project/*", state: "nodata" })]);
    const stub = room(projectId);
    // The fifth working day of the period, counting its first: still within the grace.
    let day = today;
    while (workingDaysBetween(today, day, DEFAULT_CALENDAR) < 5) day = addDays(day, 1);
    expect(await stub.runAlerts(Date.parse(`${day}T10:00:00+07:00`))).toEqual([expect.objectContaining({ state: "nodata" })]);
    expect(await (await fetch(`${inject("webhookBase")}/log/${box}`)).json()).toEqual([]); // no-data never notifies
    while (!isWorkingDay((day = addDays(day, 1)), DEFAULT_CALENDAR));
    // Past the grace with still nothing counted: the project has not started, and that is told.
    const late = Date.parse(`${day}T10:00:00+07:00`);
    expect(await stub.runAlerts(late)).toEqual([expect.objectContaining({ scope: "project/*", state: "firing", values: expect.objectContaining({ graceDays: 5 }) })]);
    expect(await (await fetch(`${inject("webhookBase")}/log/${box}`)).json()).toHaveLength(1);
    // The first counter: no-data resolves, and the rule judges the plan from then on.
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 5 }] });
    const after = await stub.runAlerts(late + MIN);
    expect(after.find((a) => a.scope === "project/*")?.state).toBe("resolved");
  });
});

describe("acknowledge and silence a group at once", () => {
  it("acknowledges every alert of a group in one call, all or nothing, and the history says who and why", async () => {
    const { projectId, provinceId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    const ruleId = await addRule(projectId, { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 });
    const sup = await signIn("Giám sát Ba", "supervisor", { provinceId });
    const refs = (await alerts(projectId)).map((a) => ({ ruleId: a.ruleId, scope: a.scope }));
    expect(refs).toHaveLength(3);
    const bad = await post(`/projects/${projectId}/alerts/ack`, { alerts: [...refs, { ruleId, scope: "fonds/99/pages" }], comment: "x" }, sup.headers);
    expect(bad.status).toBe(404);
    expect((await alerts(projectId)).every((a) => a.ack === null)).toBe(true); // nothing half-applied
    const ok = await post(`/projects/${projectId}/alerts/ack`, { alerts: refs, comment: "Đã họp với nhà thầu" }, sup.headers);
    expect(await ok.json()).toEqual({ ok: true, count: 3 });
    expect((await alerts(projectId)).map((a) => a.ack?.by)).toEqual(["Giám sát Ba", "Giám sát Ba", "Giám sát Ba"]);
    await drainAlarms(projectId); // transitions reach D1 with the next flush (worker/alerts/history.ts)

    const history = (await (await get(`/projects/${projectId}/alerts/history?ruleId=${ruleId}&scope=fonds/2/pages`)).json()) as { entries: { type: string; action?: string; by?: string; comment?: string; to?: string; values?: Record<string, unknown> }[] };
    expect(history.entries).toEqual([
      expect.objectContaining({ type: "action", action: "ack", by: "Giám sát Ba", comment: "Đã họp với nhà thầu" }),
      expect.objectContaining({ type: "transition", to: "firing", values: expect.objectContaining({ fonds: "2", actual: 0 }) }),
    ]);
  });

  it("silences every alert of a group in one call, all or nothing: each reads silenced with who, why and until, none counts as active; unsilenced together", async () => {
    const { projectId, provinceId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    const ruleId = await addRule(projectId, { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 });
    const sup = await signIn("Giám sát Sáu", "supervisor", { provinceId });
    const refs = (await alerts(projectId)).map((a) => ({ ruleId: a.ruleId, scope: a.scope }));
    expect(refs).toHaveLength(3);
    expect(firingCount(await alerts(projectId))).toBe(3);
    const bad = await post(`/projects/${projectId}/alerts/silence`, { alerts: [...refs, { ruleId, scope: "fonds/99/pages" }], minutes: 60, comment: "x" }, sup.headers);
    expect(bad.status).toBe(404);
    expect((await alerts(projectId)).every((a) => a.silence === null)).toBe(true); // nothing half-applied

    const before = Date.now();
    const ok = await post(`/projects/${projectId}/alerts/silence`, { alerts: refs, minutes: 8 * 60, comment: "Mất điện cả khu kho" }, sup.headers);
    expect(ok.status).toBe(200);
    const { until, count } = (await ok.json()) as { until: number; count: number };
    expect(count).toBe(3);
    expect(until).toBeGreaterThanOrEqual(before + 8 * 60 * MIN);
    const silenced = await alerts(projectId);
    expect(silenced.map((a) => a.silence)).toEqual(Array(3).fill({ by: "Giám sát Sáu", comment: "Mất điện cả khu kho", at: expect.any(Number), until }));
    expect(silenced.map((a) => displayState(a, Date.now()))).toEqual(["silenced", "silenced", "silenced"]);
    expect(firingCount(silenced)).toBe(0); // the count every screen and summary shows (schema/alert-state.ts)

    // Unsilenced together, all or nothing too: active again.
    expect((await post(`/projects/${projectId}/alerts/unsilence`, { alerts: [...refs, { ruleId, scope: "fonds/99/pages" }] }, sup.headers)).status).toBe(404);
    expect(firingCount(await alerts(projectId))).toBe(0);
    expect((await post(`/projects/${projectId}/alerts/unsilence`, { alerts: refs, comment: "Có điện lại" }, sup.headers)).status).toBe(200);
    expect(firingCount(await alerts(projectId))).toBe(3);
    await drainAlarms(projectId);
    const history = (await (await get(`/projects/${projectId}/alerts/history?by=${encodeURIComponent("Giám sát Sáu")}`)).json()) as { entries: { action: string; scope: string }[] };
    expect(history.entries.map((e) => e.action).sort()).toEqual(["silence", "silence", "silence", "unsilence", "unsilence", "unsilence"]);
  });

  it("a silenced alert reads silenced (who, why, until) and is notified again once unsilenced", async () => {
    const box = crypto.randomUUID();
    const { projectId, provinceId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    await post(`/projects/${projectId}/contact-points`, { name: "bot", url: `${inject("webhookBase")}/hook/${box}`, groupWaitSeconds: 0 });
    const ruleId = await addRule(projectId, { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 60 });
    const sup = await signIn("Giám sát Bốn", "supervisor", { provinceId });
    const ref = { ruleId, scope: "project/pages" };
    expect((await post(`/projects/${projectId}/alerts/silence`, { alerts: [ref], minutes: 24 * 60, comment: "Máy quét hỏng, chờ thay" }, sup.headers)).status).toBe(200);
    const stub = room(projectId);
    const t0 = Date.now();
    const [silenced] = await stub.runAlerts(t0 + 61 * MIN);
    expect(silenced).toMatchObject({ state: "firing", silence: { by: "Giám sát Bốn", comment: "Máy quét hỏng, chờ thay" } });
    expect(silenced!.silence!.until).toBeGreaterThan(t0 + 23 * 60 * MIN);
    await stub.runAlerts(t0 + 62 * MIN);
    expect(await (await fetch(`${inject("webhookBase")}/log/${box}`)).json()).toEqual([]);

    expect((await post(`/projects/${projectId}/alerts/unsilence`, { alerts: [ref], comment: "Đã thay máy" }, sup.headers)).status).toBe(200);
    expect((await alerts(projectId))[0]!.silence).toBeNull();
    expect((await post(`/projects/${projectId}/alerts/unsilence`, { alerts: [ref] }, sup.headers)).status).toBe(404); // not silenced any more
    await stub.runAlerts(Date.now() + 63 * MIN);
    const got = (await (await fetch(`${inject("webhookBase")}/log/${box}`)).json()) as { body: { status: string } }[];
    expect(got.map((g) => g.body.status)).toEqual(["firing"]);

    await drainAlarms(projectId);
    const history = (await (await get(`/projects/${projectId}/alerts/history`)).json()) as { entries: { type: string; action?: string; comment?: string; contactPoint?: { name: string } | null; status?: number }[] };
    expect(history.entries.filter((e) => e.type === "action").map((e) => [e.action, e.comment])).toEqual([["unsilence", "Đã thay máy"], ["silence", "Máy quét hỏng, chờ thay"]]);
    expect(history.entries.find((e) => e.type === "delivery")).toMatchObject({ contactPoint: { name: "bot" }, status: 200 });
  });
});
