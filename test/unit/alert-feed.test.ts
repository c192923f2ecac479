import { describe, expect, it } from "vitest";
import type { AlertView, Snapshot } from "../../schema/wire";
import { applyMessage, emptyLiveState } from "../../web/src/live/apply";
import { actionable, alertActions, alertsAbout, displayState, firingCount, groupAlerts, needsAction, newlyFiring, parseScope, sortAlerts, stateCounts } from "../../web/src/live/alerts";

const alert = (over: Partial<AlertView>): AlertView => ({
  ruleId: "r1",
  ruleType: "behind_schedule",
  scope: "project/pages",
  state: "firing",
  since: 1000,
  values: {},
  ack: null,
  silence: null, clearedAt: null, keepFiringMinutes: 0,
  ...over,
});

describe("the alert feed", () => {
  it("offers acknowledgement only for a firing alert nobody has acknowledged, never for a pending one", () => {
    const ack = { by: "x", comment: "", at: 6 };
    expect(alertActions(alert({ state: "firing" }), 0)).toEqual({ acknowledge: true, silence: true, unsilence: false });
    expect(alertActions(alert({ state: "firing", ack }), 0)).toEqual({ acknowledge: false, silence: true, unsilence: false });
    // Pending: the rule is still confirming its condition; there is nothing for a person to acknowledge.
    expect(alertActions(alert({ state: "pending" }), 0)).toEqual({ acknowledge: false, silence: true, unsilence: false });
    expect(alertActions(alert({ state: "resolved" }), 0)).toEqual({ acknowledge: false, silence: false, unsilence: false });
    expect(alertActions(alert({ state: "normal" }), 0)).toEqual({ acknowledge: false, silence: false, unsilence: false });
    // Silenced: lifted with unsilence, not silenced again; once it has run out it is an ordinary alert.
    const silence = { by: "x", comment: "", at: 0, until: 10 };
    expect(alertActions(alert({ state: "firing", silence }), 5)).toEqual({ acknowledge: true, silence: false, unsilence: true });
    expect(alertActions(alert({ state: "firing", silence }), 11)).toEqual({ acknowledge: true, silence: true, unsilence: false });
  });

  it("says a pending alert is waiting to confirm its condition, not waiting for someone", async () => {
    const { setLocale, t } = await import("../../web/src/i18n");
    expect(t("alert.state.pending")).toBe("Đang chờ xác nhận điều kiện");
    setLocale("en");
    expect(t("alert.state.pending")).toBe("Waiting to confirm the condition");
    setLocale("vi");
  });

  it("reads the scope of an alert", () => {
    expect(parseScope("project/pages")).toEqual({ level: "project", kind: "pages" });
    expect(parseScope("fonds/4/pages")).toEqual({ level: "fonds", fonds: "4", kind: "pages" });
    expect(parseScope("fonds/12/A/metres")).toEqual({ level: "fonds", fonds: "12/A", kind: "metres" });
    expect(parseScope("station/9f1c")).toEqual({ level: "station", station: "9f1c" });
    expect(parseScope("weird")).toEqual({ level: "other", text: "weird" });
  });

  it("lists active first, then acknowledged, silenced and resolved; fonds in natural order within a state", () => {
    const ack = { by: "x", comment: "", at: 6 };
    const silence = { by: "y", comment: "họp", at: 1, until: 100 };
    const list = [
      alert({ scope: "fonds/1/pages", state: "resolved" }),
      alert({ scope: "fonds/11/pages", ack }),
      alert({ scope: "fonds/12/pages", state: "pending" }),
      alert({ scope: "fonds/10/pages" }),
      alert({ scope: "fonds/2/pages" }),
      alert({ scope: "fonds/3/pages", silence }),
    ];
    expect(sortAlerts(list, 50).map((a) => a.scope)).toEqual(["fonds/2/pages", "fonds/10/pages", "fonds/12/pages", "fonds/11/pages", "fonds/3/pages", "fonds/1/pages"]);
    // Silenced and acknowledged alerts are not active: they are counted as what they are.
    expect(firingCount(list, 50)).toBe(2);
    expect(stateCounts(list, 50)).toEqual([{ state: "firing", n: 2 }, { state: "pending", n: 1 }, { state: "acknowledged", n: 1 }, { state: "silenced", n: 1 }, { state: "resolved", n: 1 }]);
    expect(displayState(list[5]!, 50)).toBe("silenced");
    expect(displayState(list[5]!, 150)).toBe("firing");
    expect(firingCount(null)).toBe(0);
  });

  it("groups alerts by rule: one group of thirty fonds, fonds 1, 2, … 10 in order, with the station group apart", () => {
    const fonds = Array.from({ length: 30 }, (_, i) => alert({ scope: `fonds/${30 - i}/pages` }));
    const silent = alert({ ruleId: "r2", ruleType: "silent_station", scope: "station/s1", ack: { by: "x", comment: "", at: 1 } });
    const groups = groupAlerts([silent, ...fonds], 0);
    expect(groups.map((g) => [g.ruleId, g.noun, g.alerts.length])).toEqual([["r1", "fonds", 30], ["r2", "station", 1]]);
    expect(groups[0]!.alerts.slice(0, 12).map((a) => parseScope(a.scope).level === "fonds" && (parseScope(a.scope) as { fonds: string }).fonds)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    expect(groups[1]!.counts).toEqual([{ state: "acknowledged", n: 1 }]);
    expect(actionable(groups[0]!.alerts, "acknowledge", 0)).toHaveLength(30);
    expect(actionable([silent], "acknowledge", 0)).toHaveLength(0);
  });

  it("announces an alert when it starts firing, not what was firing when the page opened", () => {
    const first = [alert({ scope: "fonds/4/pages" })];
    expect(newlyFiring(null, first)).toEqual([]);
    const next = [...first, alert({ scope: "fonds/5/pages", state: "pending" })];
    expect(newlyFiring(first, next)).toEqual([]);
    const fired = [first[0]!, alert({ scope: "fonds/5/pages", since: 2000 })];
    expect(newlyFiring(next, fired).map((a) => a.scope)).toEqual(["fonds/5/pages"]);
    // Firing while silenced is not announced.
    const quiet = [...fired, alert({ scope: "fonds/6/pages", since: 3000, silence: { by: "x", comment: "", at: 0, until: 10_000 } })];
    expect(newlyFiring(fired, quiet, 5000)).toEqual([]);
    // Resolved and firing again is news again.
    const again = [alert({ scope: "fonds/4/pages", since: 5000 }), fired[1]!];
    expect(newlyFiring(fired, again).map((a) => a.scope)).toEqual(["fonds/4/pages"]);
  });

  it("needs action while firing, unacknowledged and not silenced", () => {
    expect(needsAction(alert({}), 0)).toBe(true);
    expect(needsAction(alert({ silence: { by: "a", comment: "", at: 0, until: 10 } }), 5)).toBe(false);
    expect(needsAction(alert({ silence: { by: "a", comment: "", at: 0, until: 10 } }), 11)).toBe(true);
    expect(needsAction(alert({ ack: { by: "a", comment: "", at: 1 } }), 0)).toBe(false);
  });

  it("picks the alerts about one fonds or one station", () => {
    const list = [alert({ scope: "fonds/4/pages" }), alert({ scope: "fonds/41/pages" }), alert({ scope: "station/s1", ruleType: "silent_station" })];
    expect(alertsAbout(list, { fonds: "4" }).map((a) => a.scope)).toEqual(["fonds/4/pages"]);
    expect(alertsAbout(list, { station: "s1" }).map((a) => a.scope)).toEqual(["station/s1"]);
  });
});

/** The least snapshot the reducer takes: alerts are their own message, kept through it. */
function snapshot(seq: number): Snapshot {
  const project = { id: "p", provinceId: "v", name: "P", legalBasis: "", periodStart: "2027-01-01", periodEnd: "2027-12-31", timeZone: "Asia/Ho_Chi_Minh" };
  return { type: "snapshot", seq, project, kinds: [], fonds: [], stations: [], calendar: { holidays: [], workingSaturdays: [] }, totals: [], stationDays: [], days: [], lastActivityAt: null, stationsSeen: [], at: seq };
}

describe("the alert history's filter", () => {
  it("reads a day as its local start in Viet Nam", async () => {
    const { dayStartMs } = await import("../../web/src/live/history-text");
    expect(dayStartMs("2026-12-01", "Asia/Ho_Chi_Minh")).toBe(Date.parse("2026-12-01T00:00:00+07:00"));
  });
});

describe("alerts in the live state", () => {
  const firing = { ruleId: "r", ruleType: "behind_schedule" as const, scope: "project/pages", state: "firing" as const, since: 1, values: {}, ack: null, silence: null, clearedAt: null, keepFiringMinutes: 0 };

  it("takes the project's alerts whole and keeps them through a resync snapshot", () => {
    let s = applyMessage(emptyLiveState(), snapshot(1)).state;
    expect(s.alerts).toBeNull();
    s = applyMessage(s, { type: "alerts", alerts: [firing] }).state;
    expect(s.alerts).toEqual([firing]);
    const totals = s.fondsTotals;
    s = applyMessage(s, snapshot(5)).state;
    expect(s.alerts).toEqual([firing]);
    expect(s.fondsTotals).not.toBe(totals);
    s = applyMessage(s, { type: "alerts", alerts: [] }).state;
    expect(s.alerts).toEqual([]);
  });
});
