// A station is silent after an hour of working time without a post: nights, weekends and holidays do
// not count, and a station that never posted is silent.
import { describe, expect, it } from "vitest";
import { projectCalendar } from "../../schema/calendar";
import { silentStations } from "../../worker/live/summary";
import { DEFAULT_HOURS } from "../../worker/alerts/working-time";

const at = (local: string) => Date.parse(`${local}+07:00`);
const stations = [{ id: "a", name: "Máy 1" }, { id: "b", name: "Máy 2" }, { id: "c", name: "Máy 3" }];
const t = (now: string) => ({ now: at(now), cal: projectCalendar(null), hours: DEFAULT_HOURS, timeZone: "Asia/Ho_Chi_Minh" });

describe("silent stations", () => {
  const seen = [
    { station: "a", lastPostAt: at("2026-11-27T16:40:00"), client: "manual" }, // Friday, 20 min before the day ends
    { station: "b", lastPostAt: at("2026-11-30T08:00:00"), client: "agent/1.0.0" }, // Monday morning
  ];
  it("counts no weekend minutes: Monday 07:50 is 30 working minutes after Friday 16:40", () => {
    expect(silentStations({ stations, stationsSeen: seen }, t("2026-11-30T07:50:00"))).toBe(1); // only c, never posted
  });
  it("finds a station silent after an hour of working time", () => {
    expect(silentStations({ stations, stationsSeen: seen }, t("2026-11-30T09:10:00"))).toBe(3); // b too: 70 minutes since 08:00
    expect(silentStations({ stations, stationsSeen: seen }, t("2026-11-30T08:50:00"))).toBe(2); // a (20 + 80 min) and c; b has 50
  });
});
