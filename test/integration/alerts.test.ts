// Alert rules in the project's Durable Object, driven by a controllable clock: tests pass `now` to
// runAlerts, the same method the alarm calls with the wall clock.
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { addDays, DEFAULT_CALENDAR, isWorkingDay, workingDaysBetween } from "../../schema/calendar";
import { VN_MAKEUP_SATURDAYS } from "../../schema/holidays";
import { dayInZone } from "../../schema/time";
import type { AlertView, Snapshot } from "../../schema/wire";
import { createProject, drainAlarms, get, post, postCounters, room, signIn, testPeriod, Watcher } from "./helpers";

const CAL = { ...DEFAULT_CALENDAR, workingSaturdays: VN_MAKEUP_SATURDAYS };
const MIN = 60_000;

async function addRule(projectId: string, rule: Record<string, unknown>): Promise<string> {
  const res = await post(`/projects/${projectId}/alert-rules`, rule);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function alerts(projectId: string): Promise<AlertView[]> {
  return ((await (await get(`/projects/${projectId}/alerts`)).json()) as { alerts: AlertView[] }).alerts;
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Local 10:00 (Asia/Ho_Chi_Minh) of a day, as epoch ms. */
const tenOClock = (day: string) => Date.parse(`${day}T10:00:00+07:00`);

describe("alert rules", () => {
  it("behind schedule goes pending, fires after its duration, and resolves when counters catch up", async () => {
    const { projectId, tokens } = await createProject();
    // One page counted: the project has data (without any, the rule holds a no-data instance: alert-state.test.ts).
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    const before = Date.now();
    const ruleId = await addRule(projectId, { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 30 });
    const after = Date.now();
    // Late in the year with one page done: the project is behind from the first evaluation.
    expect(await alerts(projectId)).toMatchObject([{ ruleId, scope: "project/pages", state: "pending" }]);
    const stub = room(projectId);
    expect((await stub.runAlerts(before + 29 * MIN))[0]?.state).toBe("pending");
    const firing = (await stub.runAlerts(after + 31 * MIN))[0];
    expect(firing).toMatchObject({ state: "firing", values: { kind: "pages", actual: 1, target: 13719 } });
    expect(Number(firing?.values.planToDate)).toBeGreaterThan(0);

    // The whole plan is done: the rules run when the counters land, without waiting for the alarm.
    await postCounters(projectId, tokens[0]!, { events: [{ id: "catch-up", fonds: "1", kind: "pages", delta: 11061 }, { id: "c2", fonds: "2", kind: "pages", delta: 1640 }, { id: "c3", fonds: "3", kind: "pages", delta: 1017 }] });
    const resolved = await until(() => alerts(projectId), (a) => a[0]?.state === "resolved");
    expect(resolved[0]).toMatchObject({ state: "resolved", values: { actual: 13719 } });

    await drainAlarms(projectId);
    const history = await env.DB.prepare("SELECT from_state AS f, to_state AS t FROM alert_transitions WHERE project_id = ? AND rule_id = ? ORDER BY id").bind(projectId, ruleId).all();
    expect(history.results).toEqual([
      { f: "normal", t: "pending" },
      { f: "pending", t: "firing" },
      { f: "firing", t: "resolved" },
    ]);
  });

  it("under-plan fonds fires with the expected shortfall at the current rate", async () => {
    const { projectId, tokens } = await createProject();
    const today = dayInZone(Date.now(), "Asia/Ho_Chi_Minh");
    const days: string[] = [];
    for (let d = addDays(today, -1); days.length < 10; d = addDays(d, -1)) if (isWorkingDay(d, CAL)) days.push(d);
    // Ten working days of 10 pages a day on fonds 1 (plan 11.062): 10 a day cannot make it.
    await postCounters(projectId, tokens[0]!, { events: days.map((d, i) => ({ id: `h${i}`, fonds: "1", kind: "pages", delta: 10, at: `${d}T09:00:00+07:00` })) });
    await addRule(projectId, { type: "under_plan", kind: "pages", threshold: 0, pendingMinutes: 0 });
    const list = await room(projectId).runAlerts(Date.now());
    const left = workingDaysBetween(addDays(today, 1), testPeriod().periodEnd, CAL);
    const projected = 100 + 10 * left;
    expect(list).toEqual([
      expect.objectContaining({ scope: "fonds/1/pages", state: "firing", values: expect.objectContaining({ actual: 100, target: 11062, projected, shortfall: 11062 - projected, currentRate: 10 }) }),
    ]);
  });

  it("silent station fires only in working time", async () => {
    const { projectId, tokens, stationIds } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "alive", fonds: "1", kind: "pages", delta: 1 }] });
    await addRule(projectId, { type: "silent_station", threshold: 30, pendingMinutes: 0 });
    const stub = room(projectId);
    const today = dayInZone(Date.now(), "Asia/Ho_Chi_Minh");
    let sunday = addDays(today, 2);
    while (new Date(`${sunday}T00:00:00Z`).getUTCDay() !== 0) sunday = addDays(sunday, 1);
    let workday = addDays(sunday, 1);
    while (!isWorkingDay(workday, CAL)) workday = addDays(workday, 1);
    expect(await stub.runAlerts(tenOClock(sunday))).toEqual([]); // days without a post, but a Sunday
    expect(await stub.runAlerts(Date.parse(`${workday}T06:00:00+07:00`))).toEqual([]); // before the working day starts
    const fired = await stub.runAlerts(tenOClock(workday));
    expect(fired).toEqual([expect.objectContaining({ scope: `station/${stationIds[0]}`, state: "firing", values: expect.objectContaining({ stationName: "Trạm 1" }) })]);
  });

  it("sends one webhook per group message, and again after the receiver first answers 500", async () => {
    const box = crypto.randomUUID();
    const base = inject("webhookBase");
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    expect((await post(`/projects/${projectId}/contact-points`, { name: "Zalo bot", url: `${base}/hook/${box}`, groupWaitSeconds: 0, groupIntervalSeconds: 10 })).status).toBe(201);
    await addRule(projectId, { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 0 });
    type Received = { status: number; delivery: string; body: { status: string; kind: string; alerts: { scope: string; state: string }[]; project: { id: string } } };
    const log = async () => (await (await fetch(`${base}/log/${box}`)).json()) as Received[];
    expect((await log()).map((e) => [e.body.status, e.status])).toEqual([["firing", 200]]);
    expect((await log())[0]?.body).toMatchObject({ project: { id: projectId }, kind: "notify", alerts: [{ scope: "project/pages", state: "firing" }] });

    await fetch(`${base}/fail/${box}?n=1`, { method: "POST" });
    await postCounters(projectId, tokens[0]!, { events: [{ id: "a", fonds: "1", kind: "pages", delta: 11061 }, { id: "b", fonds: "2", kind: "pages", delta: 1640 }, { id: "c", fonds: "3", kind: "pages", delta: 1017 }] });
    await until(() => alerts(projectId), (a) => a[0]?.state === "resolved");
    const t0 = Date.now();
    await room(projectId).runAlerts(t0 + 11_000); // the group interval (10 s) after the first message
    expect((await log()).map((e) => [e.body.status, e.status])).toEqual([["firing", 200], ["resolved", 500]]);
    await room(projectId).runAlerts(t0 + 11_000 + 31_000); // the first retry is due after 30 s
    const final = await log();
    expect(final.map((e) => [e.body.status, e.status])).toEqual([["firing", 200], ["resolved", 500], ["resolved", 200]]);
    expect(final[1]?.delivery).toBe(final[2]?.delivery); // the same delivery id, so a receiver can deduplicate
    await room(projectId).runAlerts(t0 + 10 * MIN);
    expect(await log()).toHaveLength(3); // nothing more once delivered, and nothing firing to repeat

    await drainAlarms(projectId);
    const deliveries = (await (await get(`/projects/${projectId}/deliveries`)).json()) as { deliveries: { status: number }[] };
    expect(deliveries.deliveries.map((d) => d.status).sort()).toEqual([200, 200, 500]);
  });

  it("an acknowledgement made by one watcher reaches a second watcher at once", async () => {
    const { projectId, provinceId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    const ruleId = await addRule(projectId, { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 0 });
    const a = await signIn("Giám sát Một", "supervisor", { provinceId });
    const b = await signIn("Giám sát Hai", "supervisor", { provinceId });
    const wb = await Watcher.open(projectId, "", { Cookie: b.cookie });
    await wb.until((m) => m.some((x) => x.type === "alerts" && x.alerts.length === 1));
    const res = await post(`/projects/${projectId}/alerts/ack`, { ruleId, scope: "project/pages", comment: "Đã gọi nhà thầu, tăng ca thứ Bảy" }, a.headers);
    expect(res.status).toBe(200);
    await wb.until((m) => m.some((x) => x.type === "alerts" && x.alerts[0]?.ack !== null));
    const last = [...wb.messages].reverse().find((m) => m.type === "alerts");
    expect(last?.type === "alerts" && last.alerts[0]?.ack).toMatchObject({ by: "Giám sát Một", comment: "Đã gọi nhà thầu, tăng ca thứ Bảy" });
    wb.close();
  });

  it("a silenced alert sends no webhook while silenced", async () => {
    const box = crypto.randomUUID();
    const base = inject("webhookBase");
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    const ruleId = await addRule(projectId, { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 60 });
    await post(`/projects/${projectId}/contact-points`, { name: "bot", url: `${base}/hook/${box}`, groupWaitSeconds: 0 });
    expect((await post(`/projects/${projectId}/alerts/silence`, { ruleId, scope: "project/pages", minutes: 120, comment: "đang xử lý" })).status).toBe(200);
    await room(projectId).runAlerts(Date.now() + 61 * MIN); // fires, but silenced
    await room(projectId).runAlerts(Date.now() + 62 * MIN);
    expect((await alerts(projectId))[0]).toMatchObject({ state: "firing", silence: { comment: "đang xử lý" } });
    expect(await (await fetch(`${base}/log/${box}`)).json()).toEqual([]);
  });
});

describe("POST /api/v1/projects/:projectId/plan/move", () => {
  it("moves planned volume between fonds, keeps the project total, and records who, when and why", async () => {
    const { projectId, provinceId } = await createProject();
    const admin = await signIn("Quản trị Sở", "admin", { provinceId });
    const res = await post(`/projects/${projectId}/plan/move`, { kind: "pages", from: "1", to: "3", amount: 1000, reason: "Khổ giấy lớn, không scan được" }, admin.headers);
    expect(res.status).toBe(200);
    const snap = (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;
    const pages = Object.fromEntries(snap.fonds.map((f) => [f.code, f.approved.pages]));
    expect(pages).toEqual({ "1": 10062, "2": 1640, "3": 2017 });
    const moves = (await (await get(`/projects/${projectId}/plan/moves`)).json()) as { moves: { userName: string; reason: string; amount: number }[] };
    expect(moves.moves).toEqual([expect.objectContaining({ userName: "Quản trị Sở", reason: "Khổ giấy lớn, không scan được", amount: 1000 })]);
    const tooMuch = await post(`/projects/${projectId}/plan/move`, { kind: "pages", from: "2", to: "3", amount: 5000, reason: "quá nhiều" }, admin.headers);
    expect(tooMuch.status).toBe(400);
  });
});
