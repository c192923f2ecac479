import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "../../schema/calendar";
import { buildReportTable, type ReportInput } from "../../schema/reports/table";

const year2021 = (over: Partial<ReportInput> = {}): ReportInput => ({
  from: "2021-01-01",
  to: "2021-12-31",
  periodStart: "2021-01-01",
  periodEnd: "2021-12-31",
  cal: DEFAULT_CALENDAR,
  tolerance: 0.05,
  kinds: ["files", "pages"],
  fonds: [
    { code: "1", name: "Ủy ban nhân dân huyện Can Lộc", target: { files: 43, pages: 11062 } },
    { code: "6", name: "Phòng Tư pháp huyện Can Lộc", target: { files: 23, pages: 1640 } },
  ],
  cumulative: new Map([["1/files", 43], ["1/pages", 11062], ["6/files", 20], ["6/pages", 1640]]),
  periodActual: new Map([["1/files", 43], ["1/pages", 11062], ["6/files", 20], ["6/pages", 1640]]),
  ...over,
});

describe("buildReportTable", () => {
  it("gives a year report per fonds with the plan for the whole period and a totals row", () => {
    const t = buildReportTable(year2021());
    expect(t.rows.map((r) => r.code)).toEqual(["1", "6"]);
    expect(t.rows[0]?.cells.pages).toMatchObject({ target: 11062, periodPlan: 11062, periodActual: 11062, cumulative: 11062, planToDate: 11062, nextTarget: 0 });
    expect(t.rows[0]?.cells.pages?.ratings).toEqual({ completed: true, achieved: true, onSchedule: true });
    expect(t.rows[1]?.cells.files?.ratings).toEqual({ completed: false, achieved: false, onSchedule: false });
    expect(t.totals.pages).toMatchObject({ target: 12702, periodActual: 12702, cumulative: 12702 });
    expect(t.totals.files).toMatchObject({ target: 66, periodActual: 63 });
    // The project period is over: what is left must be done at once.
    expect(t.rows[1]?.cells.files?.nextTarget).toBe(3);
  });

  it("plans a month as the working-day share of the year, and sets next month's target to catch up", () => {
    const t = buildReportTable(
      year2021({
        from: "2021-03-01",
        to: "2021-03-31",
        cumulative: new Map([["1/pages", 1000]]),
        periodActual: new Map([["1/pages", 500]]),
      }),
    );
    const c = t.rows[0]!.cells.pages!;
    expect(c.periodPlan).toBeGreaterThan(900); // 23 of about 250 working days of 11.062
    expect(c.periodPlan).toBeLessThan(1100);
    expect(c.ratings).toEqual({ completed: false, achieved: false, onSchedule: false });
    // 10.062 left over the working days of April–December; April's share of them.
    expect(c.nextTarget).toBeGreaterThan(c.periodPlan);
  });

  it("uses the detailed weekly/monthly plan when there is one", () => {
    const t = buildReportTable(
      year2021({
        from: "2021-03-01",
        to: "2021-03-31",
        fonds: [{ code: "1", name: "x", target: { pages: 11062 }, periodTargets: { pages: [{ from: "2021-01-01", to: "2021-02-28", amount: 1000 }, { from: "2021-03-01", to: "2021-03-31", amount: 3000 }] } }],
        cumulative: new Map([["1/pages", 4000]]),
        periodActual: new Map([["1/pages", 3000]]),
      }),
    );
    expect(t.rows[0]!.cells.pages).toMatchObject({ periodPlan: 3000, planToDate: 4000 });
    expect(t.rows[0]!.cells.pages!.ratings).toEqual({ completed: false, achieved: true, onSchedule: true });
  });
});
