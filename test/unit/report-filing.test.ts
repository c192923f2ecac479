// What a project owes the department and how each report stands, as days pass.
import { describe, expect, it } from "vitest";
import { dueReports, filingState, owedPastDue, periodDueOn, type PeriodFiling } from "../../schema/reports/filing";

describe("reports owed since the project started", () => {
  it("lists every weekly, monthly and inspection report due, each once, including those the last days need", () => {
    const owed = dueReports("2026-10-01", "2026-10-31", "2026-12-31");
    const keys = owed.map((d) => `${d.type} ${d.from} ${d.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The first weekly report covers the project's first days; the last one falls due in November.
    // 01/10/2026 is a Thursday: the report due that day covers 28–30/09, before the project.
    expect(owed[0]).toEqual({ type: "weekly", from: "2026-10-01", to: "2026-10-04", due: "2026-10-05" });
    expect(owed.at(-1)?.due).toBe("2026-11-20");
    expect(owed.filter((d) => d.type === "monthly").map((d) => d.due)).toEqual(["2026-10-17", "2026-11-17"]);
    expect(owed.filter((d) => d.type === "inspection").map((d) => d.due)).toEqual(["2026-10-20", "2026-11-20"]);
  });

  it("stops at today while the project runs", () => {
    expect(dueReports("2026-10-01", "2026-12-31", "2026-10-05").map((d) => d.due)).toEqual(["2026-10-05"]);
    expect(dueReports("2026-10-01", "2026-12-31", "2026-10-04")).toEqual([]);
    expect(dueReports("2026-10-01", "2026-12-31", "2026-09-30")).toEqual([]);
  });

  it("finds the period of a report by the day it is due, and nothing on a day it is not due", () => {
    expect(periodDueOn("weekly", "2026-11-30")).toEqual({ type: "weekly", from: "2026-11-26", to: "2026-11-29", due: "2026-11-30" });
    expect(periodDueOn("monthly", "2026-11-17")).toMatchObject({ from: "2026-10-17", to: "2026-11-16" });
    expect(periodDueOn("monthly", "2026-11-18")).toBeNull();
    expect(periodDueOn("weekly", "2026-12-01")).toBeNull();
  });
});

describe("a due report's state as days pass", () => {
  it("is due on its day, overdue by one more day each day after, until submitted", () => {
    expect(filingState("2026-11-23", "2026-11-22", null)).toEqual({ state: "upcoming", daysLate: 0 });
    expect(filingState("2026-11-23", "2026-11-23", null)).toEqual({ state: "due", daysLate: 0 });
    expect(filingState("2026-11-23", "2026-11-24", null)).toEqual({ state: "overdue", daysLate: 1 });
    expect(filingState("2026-11-23", "2026-11-30", null)).toEqual({ state: "overdue", daysLate: 7 });
  });

  it("keeps how late a report was submitted, and shows when the department received it", () => {
    const filed = (firstSubmittedDay: string, more: Partial<PeriodFiling> = {}): PeriodFiling => ({ firstSubmittedDay, latestSubmitted: true, latestReceived: false, corrected: false, drafted: true, ...more });
    expect(filingState("2026-11-23", "2026-11-30", filed("2026-11-23"))).toEqual({ state: "submitted", daysLate: 0 });
    expect(filingState("2026-11-23", "2026-11-30", filed("2026-11-26"))).toEqual({ state: "submitted", daysLate: 3 });
    expect(filingState("2026-11-23", "2026-11-30", filed("2026-11-26", { latestReceived: true }))).toEqual({ state: "received", daysLate: 3 });
  });

  it("says a report is drafted once the centre wrote notes, still counting the days past due", () => {
    const drafted: PeriodFiling = { firstSubmittedDay: null, latestSubmitted: false, latestReceived: false, corrected: false, drafted: true };
    expect(filingState("2026-11-23", "2026-11-23", drafted)).toEqual({ state: "drafted", daysLate: 0 });
    expect(filingState("2026-11-23", "2026-11-25", drafted)).toEqual({ state: "drafted", daysLate: 2 });
    expect(owedPastDue({ state: "drafted", daysLate: 2 })).toBe(true);
    expect(owedPastDue({ state: "drafted", daysLate: 0 })).toBe(false);
    expect(owedPastDue({ state: "submitted", daysLate: 2 })).toBe(false);
  });

  it("tells a correction being drafted from a submitted one, keeping the first submission's lateness", () => {
    const corrected = (latestSubmitted: boolean, latestReceived = false): PeriodFiling => ({ firstSubmittedDay: "2026-11-24", latestSubmitted, latestReceived, corrected: true, drafted: true });
    expect(filingState("2026-11-23", "2026-11-30", corrected(false))).toEqual({ state: "correcting", daysLate: 1 });
    expect(filingState("2026-11-23", "2026-11-30", corrected(true))).toEqual({ state: "corrected", daysLate: 1 });
    expect(filingState("2026-11-23", "2026-11-30", corrected(true, true))).toEqual({ state: "received", daysLate: 1 });
  });
});
