import { describe, expect, it } from "vitest";
import type { AlertView, Snapshot } from "../../schema/wire";
import { applyMessage, emptyLiveState } from "../../web/src/live/apply";
import { alertActions, alertsAbout, firingCount, needsAction, newlyFiring, parseScope, sortAlerts } from "../../web/src/live/alerts";

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
    expect(alertActions(alert({ state: "firing" }))).toEqual({ acknowledge: true, silence: true });
    expect(alertActions(alert({ state: "firing", ack }))).toEqual({ acknowledge: false, silence: true });
    // Pending: the rule is still confirming its condition; there is nothing for a person to acknowledge.
    expect(alertActions(alert({ state: "pending" }))).toEqual({ acknowledge: false, silence: true });
    expect(alertActions(alert({ state: "resolved" }))).toEqual({ acknowledge: false, silence: false });
    expect(alertActions(alert({ state: "normal" }))).toEqual({ acknowledge: false, silence: false });
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

  it("lists firing first, unacknowledged before acknowledged, newest first", () => {
    const list = [
      alert({ scope: "a", state: "resolved", since: 9 }),
      alert({ scope: "b", state: "firing", since: 5, ack: { by: "x", comment: "", at: 6 } }),
      alert({ scope: "c", state: "pending", since: 8 }),
      alert({ scope: "d", state: "firing", since: 3 }),
      alert({ scope: "e", state: "firing", since: 4 }),
    ];
    expect(sortAlerts(list).map((a) => a.scope)).toEqual(["e", "d", "b", "c", "a"]);
    expect(firingCount(list)).toBe(3);
    expect(firingCount(null)).toBe(0);
  });

  it("announces an alert when it starts firing, not what was firing when the page opened", () => {
    const first = [alert({ scope: "fonds/4/pages" })];
    expect(newlyFiring(null, first)).toEqual([]);
    const next = [...first, alert({ scope: "fonds/5/pages", state: "pending" })];
    expect(newlyFiring(first, next)).toEqual([]);
    const fired = [first[0]!, alert({ scope: "fonds/5/pages", since: 2000 })];
    expect(newlyFiring(next, fired).map((a) => a.scope)).toEqual(["fonds/5/pages"]);
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
  return { type: "snapshot", seq, project, kinds: [], fonds: [], stations: [], calendar: { holidays: [], workingSaturdays: [] }, totals: [], stationDays: [], days: [], lastActivityAt: null, at: seq };
}

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
