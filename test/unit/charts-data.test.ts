import { describe, expect, it } from "vitest";
import type { WorkCalendar } from "../../schema/calendar";
import { burnUp } from "../../web/src/charts/burnup-data";
import { stationDayKey } from "../../web/src/live/apply";
import { knownStations, lastDays, stationSeries, stationThroughput, weekStart } from "../../web/src/live/stations";

const PLAIN: WorkCalendar = { holidays: [], workingSaturdays: [] };

describe("burnUp", () => {
  // Monday 1 – Friday 5 March 2027: 5 working days, 100 a day planned.
  const base = { target: 500, periodStart: "2027-03-01", periodEnd: "2027-03-05", cal: PLAIN };

  it("draws cumulative actual up to today, the plan over the period, and the forecast from today", () => {
    const s = burnUp({ ...base, daily: [{ day: "2027-03-01", amount: 80 }, { day: "2027-03-02", amount: 70 }], today: "2027-03-02", rate: 75, forecastDay: "2027-03-08" });
    // The forecast runs past the period end (late), so the chart does too; Saturday and Sunday are flat.
    expect(s.days).toEqual(["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05", "2027-03-06", "2027-03-07", "2027-03-08"]);
    expect(s.plan).toEqual([100, 200, 300, 400, 500, 500, 500, 500]);
    expect(s.actual).toEqual([80, 150, null, null, null, null, null, null]);
    expect(s.forecast).toEqual([null, 150, 225, 300, 375, 375, 375, 450]);
  });

  it("stops the forecast where it reaches the target, and has none while the work is stalled", () => {
    const done = burnUp({ ...base, daily: [{ day: "2027-03-01", amount: 400 }], today: "2027-03-01", rate: 400, forecastDay: "2027-03-02" });
    expect(done.forecast).toEqual([400, 500, null, null, null]);
    const stalled = burnUp({ ...base, daily: [], today: "2027-03-03", rate: 0, forecastDay: null });
    expect(stalled.forecast).toEqual([null, null, 0, null, null]);
  });

  it("counts output dated before the period from its first day", () => {
    const s = burnUp({ ...base, daily: [{ day: "2027-02-26", amount: 30 }, { day: "2027-03-01", amount: 10 }], today: "2027-03-01", rate: 0, forecastDay: null });
    expect(s.actual[0]).toBe(40);
  });

  it("cuts a forecast years away at a year after the period", () => {
    const s = burnUp({ ...base, daily: [], today: "2027-03-01", rate: 0.001, forecastDay: "2040-01-01" });
    expect(s.days.at(-1)).toBe("2028-03-05");
  });
});

describe("station throughput", () => {
  const stations = [
    { id: "s1", name: "Máy quét 01" },
    { id: "s2", name: "Máy quét 02" },
  ];
  const days = new Map([
    [stationDayKey("s1", "pages", "2027-03-03"), 120], // Wednesday
    [stationDayKey("s1", "pages", "2027-03-01"), 100], // Monday
    [stationDayKey("s1", "pages", "2027-02-26"), 90], // last week's Friday
    [stationDayKey("s2", "files", "2027-03-03"), 4],
    [stationDayKey("old", "pages", "2027-03-02"), 7], // a station revoked since
  ]);

  it("sums today and the week since Monday per station and kind", () => {
    expect(weekStart("2027-03-03")).toBe("2027-03-01");
    expect(weekStart("2027-03-07")).toBe("2027-03-01"); // Sunday belongs to the week that began on Monday
    expect(weekStart("2027-03-01")).toBe("2027-03-01");
    const [s1, s2] = stationThroughput(stations, days, ["pages", "files"], "2027-03-03");
    expect(Object.fromEntries(s1!.today)).toEqual({ pages: 120, files: 0 });
    expect(Object.fromEntries(s1!.week)).toEqual({ pages: 220, files: 0 });
    expect(Object.fromEntries(s2!.week)).toEqual({ pages: 0, files: 4 });
  });

  it("keeps stations seen only in the totals, and lists output per day", () => {
    const all = knownStations(stations, days);
    expect(all.map((s) => s.id)).toEqual(["s1", "s2", "old"]);
    expect(lastDays("2027-03-03", 3)).toEqual(["2027-03-01", "2027-03-02", "2027-03-03"]);
    expect(stationSeries(all, days, "pages", lastDays("2027-03-03", 3)).get("s1")).toEqual([100, 0, 120]);
    expect(stationSeries(all, days, "pages", lastDays("2027-03-03", 3)).get("old")).toEqual([0, 7, 0]);
  });
});
