// The alert history as a supervisor reads it: each alert's timeline shows the messages that carried it
// (contact point, channel, result, time), the project's timeline names what each message carried, and a
// "who" filter narrows it to one person's acknowledgements and silences. On a controlled clock.
import { describe, expect, inject, it } from "vitest";
import type { HistoryEntry } from "../../schema/api";
import { createProject, drainAlarms, get, post, postCounters, room, signIn } from "./helpers";

const SEC = 1000;

type Delivery = Extract<HistoryEntry, { type: "delivery" }>;

async function history(projectId: string, query: Record<string, string> = {}, headers?: Record<string, string>) {
  const res = await get(`/projects/${projectId}/alerts/history?${new URLSearchParams(query)}`, headers);
  expect(res.status).toBe(200);
  return (await res.json()) as { entries: HistoryEntry[]; people: string[] };
}

const deliveries = (entries: HistoryEntry[]) => entries.filter((e): e is Delivery => e.type === "delivery");
const summary = (d: Delivery) => [d.contactPoint?.name, d.contactPoint?.type, d.kind, d.status, d.error];

async function created(res: Promise<Response>): Promise<string> {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

describe("what was delivered where", () => {
  it("each alert's timeline lists the messages that carried it, per contact point and channel with the result; the project's names what each carried", async () => {
    const { projectId, provinceId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    const timing = { groupWaitSeconds: 0, repeatIntervalSeconds: 60 };
    await created(post(`/projects/${projectId}/contact-points`, { name: "Nhóm giám sát", url: `${inject("webhookBase")}/hook/${crypto.randomUUID()}`, ...timing }));
    await created(post(`/projects/${projectId}/contact-points`, { name: "Thư Sở Nội vụ", type: "email", url: `snv-${crypto.randomUUID()}@hatinh.gov.vn`, ...timing }));
    // The object may run its alarm as soon as the rule exists, so the clock starts before.
    const t0 = Date.now();
    const ruleId = await created(post(`/projects/${projectId}/alert-rules`, { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 }));
    const stub = room(projectId);
    await stub.runAlerts(t0 + SEC); // fonds 1, 2 and 3 fire: one message per contact point with all three
    // Fonds 1 acknowledged: the reminder after the repeat interval carries only fonds 2 and 3.
    const sup = await signIn("Giám sát Năm", "supervisor", { provinceId });
    expect((await post(`/projects/${projectId}/alerts/ack`, { ruleId, scope: "fonds/1/pages", comment: "Đã báo nhà thầu" }, sup.headers)).status).toBe(200);
    await stub.runAlerts(t0 + 62 * SEC);
    await drainAlarms(projectId); // the delivery log reaches D1 with the next flush (worker/alerts/history.ts)

    const first = deliveries((await history(projectId, { ruleId, scope: "fonds/1/pages" })).entries);
    expect(first.map(summary).sort()).toEqual([
      ["Nhóm giám sát", "webhook", "notify", 200, null],
      ["Thư Sở Nội vụ", "email", "notify", 250, null],
    ]);
    expect(first.every((d) => d.at >= t0 && d.at <= t0 + SEC && d.scopes.includes("fonds/1/pages"))).toBe(true);
    const second = deliveries((await history(projectId, { ruleId, scope: "fonds/2/pages" })).entries);
    expect(second.map(summary).sort()).toEqual([
      ["Nhóm giám sát", "webhook", "notify", 200, null],
      ["Nhóm giám sát", "webhook", "repeat", 200, null],
      ["Thư Sở Nội vụ", "email", "notify", 250, null],
      ["Thư Sở Nội vụ", "email", "repeat", 250, null],
    ]);
    // Newest first, with the acknowledgement and the transitions of that alert alone around them.
    const one = (await history(projectId, { ruleId, scope: "fonds/1/pages" })).entries;
    expect(one.map((e) => e.type)).toEqual(["action", "delivery", "delivery", "transition"]);

    const whole = deliveries((await history(projectId)).entries);
    expect(whole.map((d) => [d.kind, d.alerts, [...d.scopes].sort()])).toEqual([
      ["repeat", 2, ["fonds/2/pages", "fonds/3/pages"]],
      ["repeat", 2, ["fonds/2/pages", "fonds/3/pages"]],
      ["notify", 3, ["fonds/1/pages", "fonds/2/pages", "fonds/3/pages"]],
      ["notify", 3, ["fonds/1/pages", "fonds/2/pages", "fonds/3/pages"]],
    ]);
  });
});

describe("who acted", () => {
  it("narrows the timeline to one person's acknowledgements and silences, and lists everyone who acted", async () => {
    const { projectId, provinceId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
    const ruleId = await created(post(`/projects/${projectId}/alert-rules`, { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 }));
    await room(projectId).runAlerts(Date.now() + SEC);
    const an = await signIn("Nguyễn Thị Ân", "supervisor", { provinceId });
    const binh = await signIn("Trần Văn Bình", "supervisor", { provinceId });
    await post(`/projects/${projectId}/alerts/ack`, { ruleId, scope: "fonds/1/pages", comment: "Đã gọi trạm" }, an.headers);
    await post(`/projects/${projectId}/alerts/silence`, { ruleId, scope: "fonds/2/pages", minutes: 60, comment: "Chờ máy mới" }, binh.headers);
    await post(`/projects/${projectId}/alerts/ack`, { ruleId, scope: "fonds/3/pages", comment: "" }, an.headers);
    await drainAlarms(projectId);

    const all = await history(projectId);
    expect(all.people).toEqual(["Nguyễn Thị Ân", "Trần Văn Bình"]);
    expect(all.entries.some((e) => e.type === "transition")).toBe(true);
    const byAn = (await history(projectId, { by: "Nguyễn Thị Ân" })).entries;
    expect(byAn.map((e) => (e.type === "action" ? [e.action, e.scope, e.by] : e.type))).toEqual([
      ["ack", "fonds/3/pages", "Nguyễn Thị Ân"],
      ["ack", "fonds/1/pages", "Nguyễn Thị Ân"],
    ]);
    const byBinh = (await history(projectId, { by: "Trần Văn Bình", ruleId })).entries;
    expect(byBinh).toEqual([expect.objectContaining({ type: "action", action: "silence", scope: "fonds/2/pages", comment: "Chờ máy mới" })]);
    expect((await history(projectId, { by: "Không ai" })).entries).toEqual([]);
  });
});
