// A unit's card on the province overview says how many stations are silent by the project's own
// silent-station rule (its threshold, in working time): the same stations the stations page marks.
import { describe, expect, it } from "vitest";
import type { AlertView, Snapshot } from "../../schema/wire";
import { summarize } from "../../worker/live/summary";

const project = { id: "p", provinceId: "v", name: "P", legalBasis: "", periodStart: "2026-01-01", periodEnd: "2026-12-31", timeZone: "Asia/Ho_Chi_Minh" };
const snap = (seq: number): Snapshot => ({
  type: "snapshot",
  seq,
  project,
  kinds: [],
  fonds: [],
  stations: [{ id: "a", name: "Máy 1" }, { id: "b", name: "Máy 2" }, { id: "c", name: "Máy 3" }],
  calendar: { holidays: [], workingSaturdays: [] },
  totals: [],
  stationDays: [],
  days: [],
  lastActivityAt: null,
  stationsSeen: [],
  at: 0,
});
const alert = (scope: string, state: AlertView["state"], ruleType: AlertView["ruleType"] = "silent_station") =>
  ({ ruleId: "r", ruleType, scope, state, since: 0, values: {}, ack: null, silence: null, clearedAt: null, keepFiringMinutes: 0 }) as unknown as AlertView;

describe("what needs attention on a unit's card", () => {
  it("counts the stations whose silent-station alert fires, nothing else", () => {
    const alerts = [alert("station/a", "firing"), alert("station/b", "pending"), alert("station/gone", "firing"), alert("project/pages", "firing", "behind_schedule")];
    expect(summarize(snap(5), alerts)).toMatchObject({ silentStations: 1, stations: 3, notStarted: false });
  });

  it("calls a unit with no counter yet not started", () => {
    expect(summarize(snap(0), [])).toMatchObject({ notStarted: true, silentStations: 0 });
  });
});
