// The reporting calendar in D1: every due report exists even after downtime, requested by its due date,
// signed off by the centre and received by the department, frozen once submitted.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dueReports, filingState } from "../../schema/reports/filing";
import worker from "../../worker/index";
import { buildReport } from "../../worker/reports/generate";
import type { CalendarItem } from "../../worker/reports/filings";
import { api, get, post, signIn } from "./helpers";

async function project(periodStart = "2026-10-01", periodEnd = "2026-12-31") {
  const suffix = crypto.randomUUID().slice(0, 8);
  const provinceId = `p-${suffix}`;
  const projectId = `rc-${suffix}`;
  await post("/provinces", { id: provinceId, name: "Đồng Nai" });
  await post(`/provinces/${provinceId}/projects`, { id: projectId, name: "Chỉnh lý và số hóa 2026", periodStart, periodEnd });
  expect((await post(`/projects/${projectId}/plan/import`, { table: "STT\tTên phông\tSố hóa trang tài liệu\n1\tSở Tư pháp\t1.000" })).status).toBe(200);
  return { projectId, provinceId };
}

const calendar = async (projectId: string, headers?: Record<string, string>) =>
  (await (await get(`/projects/${projectId}/reporting-calendar`, headers)).json()) as { today: string; items: CalendarItem[] };

describe("the reporting calendar", () => {
  it("holds every report due since the start after a server was down for days, started on a Monday afternoon", async () => {
    const { projectId } = await project();
    const monday = Date.parse("2026-11-30T14:10:00+07:00");
    const ctx = createExecutionContext();
    worker.scheduled(createScheduledController({ scheduledTime: monday, cron: "0 0 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const owed = dueReports("2026-10-01", "2026-12-31", "2026-11-30");
    const rows = (await env.DB.prepare("SELECT type, from_day AS f, to_day AS t FROM reports WHERE project_id = ?").bind(projectId).all<{ type: string; f: string; t: string }>()).results;
    expect(rows.map((r) => `${r.type} ${r.f} ${r.t}`).sort()).toEqual(owed.map((d) => `${d.type} ${d.from} ${d.to}`).sort());
    expect(owed.some((d) => d.due === "2026-11-30" && d.type === "weekly")).toBe(true);
    // On request nothing is missing any more; for a project no cron has seen, everything is written.
    expect(await (await post(`/projects/${projectId}/reports/catch-up`, undefined)).json()).toEqual({ created: 0 });
    const fresh = await project("2026-11-01", "2026-12-31");
    const made = (await (await post(`/projects/${fresh.projectId}/reports/catch-up`, undefined)).json()) as { created: number };
    const { today, items } = await calendar(fresh.projectId);
    expect(made.created).toBe(items.length);
    expect(items.every((i) => i.report !== null)).toBe(true);
    // Caught up in one pass, each report holds exactly what writing it alone would: the same figures.
    for (const item of items.slice(0, 3)) {
      const stored = (await (await get(`/projects/${fresh.projectId}/reports/${item.report!.id}`)).json()) as { content: { table: unknown; silentStations: unknown; reasons: unknown } };
      const alone = await buildReport(env.DB, fresh.projectId, { type: item.type, from: item.from, to: item.to }, 0);
      expect(stored.content.table).toEqual(alone!.table);
      expect(stored.content.silentStations).toEqual(alone!.silentStations);
    }
    // States follow the day: nothing submitted, so everything before today is overdue by its days.
    for (const i of items) expect({ state: i.state, daysLate: i.daysLate }).toEqual(filingState(i.due, today, null));
  });

  it("writes a report by its due date, refuses a day it is not due, and freezes a submitted period", async () => {
    const { projectId, provinceId } = await project();
    const leader = await signIn("Lãnh đạo", "leader", { provinceId });
    const centre = await signIn("Trung tâm Lưu trữ", "supervisor", { provinceId });
    const department = await signIn("Sở Nội vụ", "supervisor", { provinceId });
    const ask = (body: unknown, headers = leader.headers) => post(`/projects/${projectId}/reports`, body, { ...headers, Origin: "http://example.com" });
    expect((await ask({ type: "weekly", due: "2026-11-24" })).status).toBe(400);
    const first = (await (await ask({ type: "weekly", due: "2026-11-23" })).json()) as { id: string; version: number };
    const second = (await (await ask({ type: "weekly", due: "2026-11-23" })).json()) as { id: string; version: number };
    expect(second.version).toBe(first.version + 1);
    const as = (s: typeof centre) => ({ ...s.headers, Origin: "http://example.com" });
    const act = (id: string, what: "submit" | "receive", s = centre) => api(`/projects/${projectId}/reports/${id}/${what}`, { method: "POST", headers: as(s) });

    expect((await act(first.id, "submit")).status).toBe(409); // an older version
    expect((await act(second.id, "receive", department)).status).toBe(409); // not submitted yet
    expect((await act(second.id, "submit", leader)).status).toBe(403);
    expect((await act(second.id, "submit")).status).toBe(200);
    expect((await act(second.id, "submit")).status).toBe(409);
    expect((await ask({ type: "weekly", due: "2026-11-23" })).status).toBe(409);
    const notes = await api(`/projects/${projectId}/reports/${second.id}/notes`, { method: "PUT", headers: as(centre), body: JSON.stringify({ difficulties: "Thiếu máy quét" }) });
    expect(notes.status).toBe(409);

    let item = (await calendar(projectId, { Cookie: leader.cookie })).items.find((i) => i.type === "weekly" && i.due === "2026-11-23")!;
    expect(item).toMatchObject({ state: "submitted", report: { id: second.id }, submitted: { by: "Trung tâm Lưu trữ" }, received: null });
    expect((await act(second.id, "receive", department)).status).toBe(200);
    expect((await act(second.id, "receive", department)).status).toBe(409);
    item = (await calendar(projectId)).items.find((i) => i.type === "weekly" && i.due === "2026-11-23")!;
    expect(item).toMatchObject({ state: "received", received: { by: "Sở Nội vụ" } });

    const adhoc = (await (await ask({ from: "2026-11-01", to: "2026-11-15" })).json()) as { id: string };
    expect((await act(adhoc.id, "submit")).status).toBe(400);
    const audit = (await (await get(`/projects/${projectId}/audit`)).json()) as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["report.submit", "report.receive"]));
  });
});
