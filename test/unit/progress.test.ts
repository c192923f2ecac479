import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "../../schema/calendar";
import { linearPlanToDate, planToDateFromTargets, type PeriodTarget } from "../../schema/progress";
import { PLAIN, days } from "./progress-fixtures";

describe("linearPlanToDate across Tết 2026", () => {
  // 2026-02-02 (Mon) to 2026-03-13 (Fri): 10 working days before Tết, the Tết week off, 15 after: 25 in all.
  const plan = (day: string, target = 1000) => linearPlanToDate(target, "2026-02-02", "2026-03-13", day, DEFAULT_CALENDAR);

  it.each([
    ["2026-02-01", 0, "nothing before the period"],
    ["2026-02-02", 40, "one day's share at the end of the first day"],
    ["2026-02-13", 400, "ten days before Tết"],
    ["2026-02-14", 400, "flat on the weekend before Tết"],
    ["2026-02-16", 400, "flat on 29 Tết"],
    ["2026-02-17", 400, "flat on mùng 1"],
    ["2026-02-20", 400, "flat on mùng 4"],
    ["2026-02-22", 400, "flat on the last day of the break"],
    ["2026-02-23", 440, "rising again on the first day back"],
    ["2026-03-12", 960, "one share short the day before the end"],
    ["2026-03-13", 1000, "the target at the end of the last working day"],
    ["2026-04-30", 1000, "the target after the period"],
  ] as const)("plans %s at %i: %s", (day, expected, _why) => {
    expect(plan(day)).toBe(expected);
  });

  it("is a monotonic integer curve that first reaches the exact target on the last working day", () => {
    let previous = 0;
    for (const day of days("2026-01-25", "2026-03-20")) {
      const value = plan(day, 1001);
      expect(Number.isInteger(value), day).toBe(true);
      expect(value, day).toBeGreaterThanOrEqual(previous);
      expect(value === 1001, day).toBe(day >= "2026-03-13");
      previous = value;
    }
    expect(plan("2026-02-02", 1001)).toBe(40); // floor(1001 / 25)
    expect(plan("2026-03-12", 1001)).toBe(960); // floor(1001 × 24 / 25)
  });

  it("reaches the target on the last working day when the period ends on a weekend", () => {
    expect(linearPlanToDate(1000, "2026-02-02", "2026-03-15", "2026-03-13", DEFAULT_CALENDAR)).toBe(1000);
  });

  it("puts the whole amount at the end of a period with no working day", () => {
    expect(linearPlanToDate(100, "2026-02-14", "2026-02-22", "2026-02-21", DEFAULT_CALENDAR)).toBe(0);
    expect(linearPlanToDate(100, "2026-02-14", "2026-02-22", "2026-02-22", DEFAULT_CALENDAR)).toBe(100);
  });

  it("stays exact for amounts whose product with the day count passes 2^53", () => {
    const target = Number.MAX_SAFE_INTEGER;
    expect(plan("2026-02-02", target)).toBe(360287970189639);
    expect(plan("2026-03-12", target)).toBe(8646911284551351);
    expect(plan("2026-03-13", target)).toBe(target);
  });
});

describe("plan from weekly targets", () => {
  const weeks: PeriodTarget[] = [
    { from: "2026-03-02", to: "2026-03-06", amount: 100 },
    { from: "2026-03-09", to: "2026-03-13", amount: 150 },
    { from: "2026-03-16", to: "2026-03-20", amount: 50 },
  ];

  it.each([
    ["2026-03-01", 0],
    ["2026-03-04", 60], // 3 of 5 days of week 1
    ["2026-03-06", 100],
    ["2026-03-07", 100],
    ["2026-03-10", 160], // 100 + 2 of 5 days of 150
    ["2026-03-13", 250],
    ["2026-03-18", 280], // 250 + 3 of 5 days of 50
    ["2026-03-21", 300],
  ] as const)("plans %s at %i, linear within each week", (day, expected) => {
    expect(planToDateFromTargets(weeks, day, DEFAULT_CALENDAR)).toBe(expected);
    expect(planToDateFromTargets([...weeks].reverse(), day, DEFAULT_CALENDAR)).toBe(expected);
  });

  it("meets the cumulative target on each period's last day", () => {
    let cumulative = 0;
    for (const w of weeks) expect(planToDateFromTargets(weeks, w.to, DEFAULT_CALENDAR)).toBe((cumulative += w.amount));
  });
});

describe("plan from monthly targets, April 2026 having two holidays", () => {
  // April 2026: 22 weekdays, 20 working days (27/4 compensatory for Giỗ Tổ, 30/4); May 2026: 20 (1/5 off).
  const months: PeriodTarget[] = [
    { from: "2026-04-01", to: "2026-04-30", amount: 2000 },
    { from: "2026-05-01", to: "2026-05-31", amount: 2100 },
  ];

  it("meets each month's cumulative target on its last day", () => {
    expect(planToDateFromTargets(months, "2026-04-30", DEFAULT_CALENDAR)).toBe(2000);
    expect(planToDateFromTargets(months, "2026-05-31", DEFAULT_CALENDAR)).toBe(4100);
  });

  it.each([
    ["2026-04-24", 1800, "18 of 20 working days at 100 a day"],
    ["2026-04-27", 1800, "flat on the Giỗ Tổ compensatory day"],
    ["2026-04-28", 1900, "back to 100 a day"],
    ["2026-04-29", 2000, "the month's amount on its last working day"],
    ["2026-04-30", 2000, "flat on 30/4"],
    ["2026-05-01", 2000, "flat on 1/5"],
    ["2026-05-04", 2105, "May's first working day adds 2100 / 20"],
  ] as const)("plans %s at %i (%s)", (day, expected, _why) => {
    expect(planToDateFromTargets(months, day, DEFAULT_CALENDAR)).toBe(expected);
  });

  it("spreads the month over 22 days instead when the calendar has no holidays", () => {
    expect(planToDateFromTargets(months, "2026-04-24", PLAIN)).toBe(1636); // floor(2000 × 18 / 22)
  });
});
