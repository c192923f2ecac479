// The province overview shows, per unit, what a leader must see at a glance (seeds 003, 004): which
// have not started, whose reports are overdue, whose stations are silent (by the project's own rule).
import { describe, expect, it } from "vitest";
import { addDays, isWorkingDay, projectCalendar } from "../../schema/calendar";
import { dayInZone } from "../../schema/time";
import { api, daysFromToday, get, post, postCounters, room, testPeriod } from "./helpers";

interface Attention {
  projectId: string;
  notStarted: boolean;
  reportsOverdue: number;
  silentStations: number;
  stations: number;
}

async function unit(provinceId: string, id: string, periodStart: string) {
  await post(`/provinces/${provinceId}/projects`, { id, name: `Đơn vị ${id}`, periodStart, periodEnd: testPeriod().periodEnd });
  expect((await post(`/projects/${id}/plan/import`, { table: "STT\tTên phông\tSố hóa trang tài liệu\n1\tSở Tư pháp\t1.000" })).status).toBe(200);
  const tokens: string[] = [];
  for (const name of ["Máy 1", "Máy 2"]) tokens.push(((await (await post(`/projects/${id}/stations`, { name })).json()) as { token: string }).token);
  return tokens;
}

describe("what needs attention on the province overview", () => {
  it("tells units not started, reports overdue and silent stations apart", async () => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const provinceId = `dn-${suffix}`;
    await post("/provinces", { id: provinceId, name: "Đồng Nai" });
    const idle = `idle-${suffix}`;
    const busy = `busy-${suffix}`;
    await unit(provinceId, idle, daysFromToday(-29));
    const tokens = await unit(provinceId, busy, daysFromToday(-29));
    await postCounters(busy, tokens[0]!, { events: [{ id: "b1", fonds: "1", kind: "pages", delta: 10 }] });
    // The busy unit files what it owes up to today; the idle one files nothing.
    expect((await post(`/projects/${busy}/reports/catch-up`, undefined)).status).toBe(200);
    const calendar = (await (await get(`/projects/${busy}/reporting-calendar`)).json()) as { items: { state: string; report: { id: string } | null }[] };
    for (const item of calendar.items.filter((i) => i.state === "overdue")) {
      expect((await api(`/projects/${busy}/reports/${item.report!.id}/submit`, { method: "POST", headers: { Authorization: "Bearer test-admin-token" } })).status).toBe(200);
    }
    // The next working morning, 10:00: the station that posted today has been quiet for hours of working
    // time by then, and the starter silent-station rule (30 working minutes) says so. The rules' own run
    // after the post (within a second, at the real time) goes first.
    await new Promise((r) => setTimeout(r, 1_500));
    let day = addDays(dayInZone(Date.now(), "Asia/Ho_Chi_Minh"), 1);
    while (!isWorkingDay(day, projectCalendar(null))) day = addDays(day, 1);
    await room(busy).runAlerts(Date.parse(`${day}T10:00:00+07:00`));
    const overview = (await (await get(`/provinces/${provinceId}/overview`)).json()) as { projects: Attention[] };
    const byId = new Map(overview.projects.map((p) => [p.projectId, p]));
    // Never posted: not started, which the card says; the rule watches stations that have posted.
    expect(byId.get(idle)).toMatchObject({ notStarted: true, silentStations: 0, stations: 2 });
    expect(byId.get(idle)!.reportsOverdue).toBeGreaterThan(0);
    // One station posted and has gone quiet; the other never posted.
    expect(byId.get(busy)).toMatchObject({ notStarted: false, reportsOverdue: 0, silentStations: 1, stations: 2 });
  });
});
