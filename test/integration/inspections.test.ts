// Inspection on the 20th (đối soát) against what was counted by that day, and acceptance (nghiệm thu)
// bounded by the counted volume unless an override is given and audited (worker/routes/inspections.ts).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createProject, daysFromToday, get, post, postCounters, today, Watcher } from "./helpers";

const at = (day: string) => `${day}T10:00:00+07:00`;

describe("POST /api/v1/projects/:projectId/verifications", () => {
  it("compares with what was counted by the end of the inspection day, not with today's total", async () => {
    const { projectId, tokens } = await createProject();
    const [before, day, after] = [daysFromToday(-12), daysFromToday(-10), daysFromToday(-8)];
    const events = [
      { id: "b", fonds: "1", kind: "pages", delta: 700, at: at(before) },
      { id: "d", fonds: "1", kind: "pages", delta: 300, at: at(day) },
      { id: "a", fonds: "1", kind: "pages", delta: 4000, at: at(after) },
      { id: "f", fonds: "2", kind: "files", delta: 9, at: at(after) },
    ];
    // No alarm has run: the figures are still only in the Durable Object's outbox.
    expect((await postCounters(projectId, tokens[0]!, { events })).status).toBe(200);
    const res = await post(`/projects/${projectId}/verifications`, {
      inspectionDay: day,
      rows: [
        { fonds: "1", kind: "pages", verified: 980 },
        { fonds: "2", kind: "files", verified: 0 },
      ],
    });
    expect(res.status).toBe(201);
    const { rows } = (await res.json()) as { rows: { fondsCode: string; reported: number; verified: number; difference: number }[] };
    expect(rows).toEqual([
      expect.objectContaining({ fondsCode: "1", reported: 1000, verified: 980, difference: -20 }),
      expect.objectContaining({ fondsCode: "2", reported: 0, verified: 0, difference: 0 }),
    ]);
    const counted = (await (await get(`/projects/${projectId}/counted?day=${day}`)).json()) as { rows: { fonds: string; kind: string; counted: number }[] };
    expect(counted.rows).toEqual([{ fonds: "1", kind: "pages", counted: 1000 }]);
  });

  it("counts today's counters when the inspection is today", async () => {
    const { projectId, tokens } = await createProject();
    expect((await postCounters(projectId, tokens[0]!, { events: [{ id: "t", fonds: "3", kind: "documents", delta: 42 }] })).status).toBe(200);
    const res = await post(`/projects/${projectId}/verifications`, { inspectionDay: today(), rows: [{ fonds: "3", kind: "documents", verified: 40 }] });
    expect(((await res.json()) as { rows: { reported: number }[] }).rows[0]).toMatchObject({ reported: 42 });
  });

  it("refuses an inspection day in the future", async () => {
    const { projectId } = await createProject();
    const tomorrow = daysFromToday(2);
    const res = await post(`/projects/${projectId}/verifications`, { inspectionDay: tomorrow, rows: [{ fonds: "1", kind: "pages", verified: 1 }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { details: [{ path: "inspectionDay" }] } });
    expect((await get(`/projects/${projectId}/counted?day=${tomorrow}`)).status).toBe(400);
  });
});

describe("POST /api/v1/projects/:projectId/acceptances", () => {
  const minute = (n: string) => ({ minuteNumber: n, minuteDate: daysFromToday(-1) });

  it("refuses accepting more than was counted, naming the amount", async () => {
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "c", fonds: "2", kind: "documents", delta: 206 }] });
    expect((await post(`/projects/${projectId}/acceptances`, { fonds: "2", kind: "documents", amount: 200, ...minute("01/BB-NT") })).status).toBe(201);
    const over = await post(`/projects/${projectId}/acceptances`, { fonds: "2", kind: "documents", amount: 7, ...minute("02/BB-NT") });
    expect(over.status).toBe(409);
    expect(await over.json()).toMatchObject({ error: { code: "conflict", details: [{ path: "amount" }] } });
    expect((await post(`/projects/${projectId}/acceptances`, { fonds: "2", kind: "documents", amount: 6, ...minute("02/BB-NT") })).status).toBe(201);
  });

  it("accepts past the count with an override reason, audits it and shows it in the report", async () => {
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "c", fonds: "1", kind: "pages", delta: 100 }] });
    const short = await post(`/projects/${projectId}/acceptances`, { fonds: "1", kind: "pages", amount: 120, ...minute("05/BB-NT"), override: { reason: "ít" } });
    expect(short.status).toBe(400);
    const reason = "Đếm lại trên giấy: 20 trang khổ lớn máy quét chưa ghi";
    const res = await post(`/projects/${projectId}/acceptances`, { fonds: "1", kind: "pages", amount: 120, ...minute("05/BB-NT"), override: { reason } });
    expect(res.status).toBe(201);
    const audit = await env.DB.prepare("SELECT action, after FROM audit_log WHERE project_id = ? AND action LIKE 'acceptance%'").bind(projectId).all<{ action: string; after: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]!.action).toBe("acceptance.override");
    expect(JSON.parse(audit.results[0]!.after)).toMatchObject({ overrideReason: reason, counted: 100, acceptedBefore: 0, amount: 120 });
    const report = (await (await get(`/projects/${projectId}/acceptances/report`)).json()) as { rows: { fonds: string; kind: string }[] };
    expect(report.rows.find((r) => r.fonds === "1" && r.kind === "pages")).toMatchObject({
      reported: 100,
      accepted: 120,
      notYetAccepted: -20,
      minutes: [{ number: "05/BB-NT", date: daysFromToday(-1), amount: 120, overrideReason: reason }],
    });
  });

  it("keeps no override reason on an acceptance within the count", async () => {
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "c", fonds: "1", kind: "files", delta: 10 }] });
    const res = await post(`/projects/${projectId}/acceptances`, { fonds: "1", kind: "files", amount: 10, ...minute("07/BB-NT"), override: { reason: "không cần nhưng vẫn gửi" } });
    expect(await res.json()).toMatchObject({ overrideReason: null });
  });
});

describe("inspection and acceptance", () => {
  const MINUTE_DAY = daysFromToday(-9);

  it("a correction with a reason adjusts the totals live and is kept in the history; inspections show reported vs verified", async () => {
    const { projectId, tokens } = await createProject();
    const watcher = await Watcher.open(projectId);
    await postCounters(projectId, tokens[0]!, { events: [{ id: "p1", fonds: "1", kind: "pages", delta: 1200 }] });
    await watcher.until(() => watcher.state().seq === 1);
    const check = await post(`/projects/${projectId}/verifications`, { inspectionDay: today(), rows: [{ fonds: "1", kind: "pages", verified: 1150, note: "50 trang mờ, không đạt chất lượng" }] });
    expect(((await check.json()) as { rows: { reported: number; verified: number; difference: number }[] }).rows).toEqual([
      expect.objectContaining({ reported: 1200, verified: 1150, difference: -50 }),
    ]);
    const corr = await post(`/projects/${projectId}/corrections`, { fonds: "1", kind: "pages", delta: -50, reason: "Đối soát ngày 20/11: 50 trang không đạt" });
    expect(corr.status).toBe(201);
    await watcher.until(() => watcher.state().seq === 2);
    expect(watcher.state().totals.get("1/pages")).toBe(1150);
    const history = (await (await get(`/projects/${projectId}/corrections`)).json()) as { corrections: { delta: number; reason: string }[] };
    expect(history.corrections).toEqual([expect.objectContaining({ delta: -50, reason: "Đối soát ngày 20/11: 50 trang không đạt" })]);
    const below = await post(`/projects/${projectId}/corrections`, { fonds: "1", kind: "pages", delta: -5000, reason: "quá tay" });
    expect(below.status).toBe(400);
    watcher.close();
  });

  it("reports accepted against reported against plan, with the minutes", async () => {
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "a1", fonds: "2", kind: "documents", delta: 206 }] });
    expect((await post(`/projects/${projectId}/acceptances`, { fonds: "2", kind: "documents", amount: 200, minuteNumber: "12/BB-NT", minuteDate: MINUTE_DAY })).status).toBe(201);
    const report = (await (await get(`/projects/${projectId}/acceptances/report`)).json()) as { rows: { fonds: string; kind: string }[] };
    expect(report.rows.find((r) => r.fonds === "2" && r.kind === "documents")).toEqual({ fonds: "2", name: "Phòng Tư pháp huyện Can Lộc", kind: "documents", plan: 206, reported: 206, accepted: 200, minutes: [{ number: "12/BB-NT", date: MINUTE_DAY, amount: 200, overrideReason: null }], notYetAccepted: 6 });
  });
});
