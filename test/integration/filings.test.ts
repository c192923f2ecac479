// The reporting calendar in D1: every due report exists even after downtime, requested by its due date,
// signed off by the centre and received by the department, frozen once submitted.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dueReports } from "../../schema/reports/filing";
import worker from "../../worker/index";
import { buildReport } from "../../worker/reports/generate";
import type { CalendarItem } from "../../worker/reports/filings";
import { calendarProject } from "./calendar-project";
import { api, get, post } from "./helpers";

const calendar = async (projectId: string, headers?: Record<string, string>) =>
  (await (await get(`/projects/${projectId}/reporting-calendar`, headers)).json()) as { today: string; items: CalendarItem[] };

const storedReports = async (projectId: string) =>
  (await env.DB.prepare("SELECT type, from_day AS f, to_day AS t FROM reports WHERE project_id = ?").bind(projectId).all<{ type: string; f: string; t: string }>()).results;

/** The server's clock (the worker runs in this isolate), at a Viet Nam wall-clock time. */
function clockAt(vietnamTime: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${vietnamTime}+07:00`));
}

describe("the reporting calendar", () => {
  afterEach(() => void vi.useRealTimers());

  it("holds every report due since the start after a server was down for days, started on a Monday afternoon", async () => {
    const { projectId, provinceId } = await calendarProject();
    const { projectId: listed } = await calendarProject();
    // Started at 14:10 on Monday 30/11/2026: no cron ran since the project began on 01/10.
    clockAt("2026-11-30T14:10:00");
    expect(await storedReports(projectId)).toEqual([]);
    const row = (i: CalendarItem) => [i.due, i.type, i.from, i.to, i.state, i.daysLate, i.report ? `v${i.report.version}` : "missing"];
    // Reading the calendar is enough: every report due since 01/10 is there, newest first.
    expect((await calendar(projectId)).items.map(row)).toEqual([
      ["2026-11-30", "weekly", "2026-11-26", "2026-11-29", "due", 0, "v1"],
      ["2026-11-26", "weekly", "2026-11-23", "2026-11-25", "overdue", 4, "v1"],
      ["2026-11-23", "weekly", "2026-11-19", "2026-11-22", "overdue", 7, "v1"],
      ["2026-11-20", "inspection", "2026-10-20", "2026-11-19", "overdue", 10, "v1"],
      ["2026-11-19", "weekly", "2026-11-16", "2026-11-18", "overdue", 11, "v1"],
      ["2026-11-17", "monthly", "2026-10-17", "2026-11-16", "overdue", 13, "v1"],
      ["2026-11-16", "weekly", "2026-11-12", "2026-11-15", "overdue", 14, "v1"],
      ["2026-11-12", "weekly", "2026-11-09", "2026-11-11", "overdue", 18, "v1"],
      ["2026-11-09", "weekly", "2026-11-05", "2026-11-08", "overdue", 21, "v1"],
      ["2026-11-05", "weekly", "2026-11-02", "2026-11-04", "overdue", 25, "v1"],
      ["2026-11-02", "weekly", "2026-10-29", "2026-11-01", "overdue", 28, "v1"],
      ["2026-10-29", "weekly", "2026-10-26", "2026-10-28", "overdue", 32, "v1"],
      ["2026-10-26", "weekly", "2026-10-22", "2026-10-25", "overdue", 35, "v1"],
      ["2026-10-22", "weekly", "2026-10-19", "2026-10-21", "overdue", 39, "v1"],
      ["2026-10-20", "inspection", "2026-09-20", "2026-10-19", "overdue", 41, "v1"],
      ["2026-10-19", "weekly", "2026-10-15", "2026-10-18", "overdue", 42, "v1"],
      ["2026-10-17", "monthly", "2026-09-17", "2026-10-16", "overdue", 44, "v1"],
      ["2026-10-15", "weekly", "2026-10-12", "2026-10-14", "overdue", 46, "v1"],
      ["2026-10-12", "weekly", "2026-10-08", "2026-10-11", "overdue", 49, "v1"],
      ["2026-10-08", "weekly", "2026-10-05", "2026-10-07", "overdue", 53, "v1"],
      ["2026-10-05", "weekly", "2026-10-01", "2026-10-04", "overdue", 56, "v1"],
    ]);
    expect(await storedReports(projectId)).toHaveLength(21);
    // So does reading the reports list, and a second read writes nothing more.
    expect(((await (await get(`/projects/${listed}/reports`)).json()) as { reports: unknown[] }).reports).toHaveLength(21);
    expect(((await (await get(`/projects/${listed}/reports`)).json()) as { reports: unknown[] }).reports).toHaveLength(21);
    expect(await (await post(`/projects/${projectId}/reports/catch-up`, undefined)).json()).toEqual({ created: 0 });

    const monday = (await calendar(projectId)).items.find((i) => i.due === "2026-11-30")!;
    const thursdayBefore = (await calendar(projectId)).items.find((i) => i.due === "2026-11-26")!;
    const state = async (due: string) => {
      const i = (await calendar(projectId)).items.find((x) => x.due === due && x.type === "weekly")!;
      return [i.state, i.daysLate];
    };
    clockAt("2026-12-01T09:00:00"); // Tuesday: nothing new is due, Monday's report is a day late
    expect((await calendar(projectId)).items).toHaveLength(21);
    expect(await state("2026-11-30")).toEqual(["overdue", 1]);
    expect(await state("2026-11-26")).toEqual(["overdue", 5]);

    clockAt("2026-12-02T10:00:00"); // Wednesday: Monday's is submitted two days late, Thursday's notes written
    expect((await post(`/projects/${projectId}/reports/${monday.report!.id}/submit`, undefined)).status).toBe(200);
    const notes = await api(`/projects/${projectId}/reports/${thursdayBefore.report!.id}/notes`, { method: "PUT", headers: { Authorization: "Bearer test-admin-token", "Content-Type": "application/json" }, body: JSON.stringify({ difficulties: "Máy quét số 2 hỏng" }) });
    expect(notes.status).toBe(200);
    expect(await state("2026-11-30")).toEqual(["submitted", 2]);
    expect(await state("2026-11-26")).toEqual(["drafted", 6]);

    clockAt("2026-12-03T08:00:00"); // Thursday: its report is due and exists; the submitted one holds still
    const items = (await calendar(projectId)).items;
    expect(items).toHaveLength(22);
    expect(row(items[0]!)).toEqual(["2026-12-03", "weekly", "2026-11-30", "2026-12-02", "due", 0, "v1"]);
    expect(await state("2026-11-30")).toEqual(["submitted", 2]);
    expect(await state("2026-11-26")).toEqual(["drafted", 7]);
    expect(await state("2026-11-23")).toEqual(["overdue", 10]);

    clockAt("2026-12-04T08:00:00");
    expect(await state("2026-12-03")).toEqual(["overdue", 1]);
    // The province overview counts what is still owed past its day, the drafted one included: 22 - 1 submitted.
    const overview = (await (await get(`/provinces/${provinceId}/overview`)).json()) as { projects: { projectId: string; reportsOverdue: number }[] };
    expect(overview.projects.find((p) => p.projectId === projectId)?.reportsOverdue).toBe(21);
  });

  it("catches up on the cron too, each report as writing it alone would", async () => {
    const { projectId } = await calendarProject();
    const ctx = createExecutionContext();
    worker.scheduled(createScheduledController({ scheduledTime: Date.parse("2026-11-30T07:00:00+07:00"), cron: "0 0 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const owed = dueReports("2026-10-01", "2026-12-31", "2026-11-30");
    expect((await storedReports(projectId)).map((r) => `${r.type} ${r.f} ${r.t}`).sort()).toEqual(owed.map((d) => `${d.type} ${d.from} ${d.to}`).sort());
    const fresh = await calendarProject("2026-11-01", "2026-12-31");
    const made = (await (await post(`/projects/${fresh.projectId}/reports/catch-up`, undefined)).json()) as { created: number };
    const { items } = await calendar(fresh.projectId);
    expect(made.created).toBe(items.length);
    // Caught up in one pass, each report holds exactly what writing it alone would: the same figures.
    for (const item of items.slice(0, 3)) {
      const stored = (await (await get(`/projects/${fresh.projectId}/reports/${item.report!.id}`)).json()) as { content: { table: unknown; silentStations: unknown } };
      const alone = await buildReport(env.DB, fresh.projectId, { type: item.type, from: item.from, to: item.to }, 0);
      expect(stored.content.table).toEqual(alone!.table);
      expect(stored.content.silentStations).toEqual(alone!.silentStations);
    }
  });
});
