import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, isWorkingDay, workingDaysBetween } from "../../schema/calendar";
import { progressFigures, type PeriodTarget } from "../../schema/progress";
import { days, eachWorkingDay, MARCH } from "./progress-fixtures";

describe("progressFigures", () => {
  const base = MARCH;
  it("reports a fonds exactly on plan as on schedule, finishing on the last day", () => {
    expect(progressFigures({ ...base, actual: 1000, daily: eachWorkingDay("2026-03-02", "2026-03-13", 100) })).toEqual({
      planToDate: 1000,
      variance: 0,
      percentOfPlan: 0.5,
      percentOfPlanToDate: 1,
      currentRate: 100,
      remaining: 1000,
      workingDaysLeft: 10,
      catchUpRate: 100,
      forecastDay: "2026-03-27",
      status: "on_schedule",
      forecastLate: false,
    });
  });

  it("reports a fonds at 80 % of plan as behind, with a later forecast and a higher catch-up rate", () => {
    expect(progressFigures({ ...base, actual: 800, daily: eachWorkingDay("2026-03-02", "2026-03-13", 80) })).toEqual({
      planToDate: 1000,
      variance: -200,
      percentOfPlan: 0.4,
      percentOfPlanToDate: 0.8,
      currentRate: 80,
      remaining: 1200,
      workingDaysLeft: 10,
      catchUpRate: 120,
      forecastDay: "2026-04-03", // 1200 / 80 = 15 working days from Monday 16/03
      status: "behind",
      forecastLate: true,
    });
  });

  it.each([
    [960, 0.05, "on_schedule"],
    [950, 0.05, "on_schedule"],
    [949, 0.05, "behind"],
    [999, 0, "behind"],
    [1000, 0, "on_schedule"],
    [850, 0.2, "on_schedule"],
    [1500, 0.05, "on_schedule"],
  ] as const)("with %i against a plan of 1000 and tolerance %d is %s", (actual, tolerance, status) => {
    expect(progressFigures({ ...base, actual, daily: [], tolerance }).status).toBe(status);
  });

  it("reports a reached target as done, with the day it was reached", () => {
    const daily = [...eachWorkingDay("2026-03-02", "2026-03-10", 250), { day: "2026-03-11", amount: 300 }];
    const figures = progressFigures({ ...base, actual: 2050, daily });
    expect(figures).toMatchObject({
      status: "done",
      remaining: 0,
      percentOfPlan: 1.025,
      catchUpRate: null,
      forecastDay: "2026-03-11",
      forecastLate: false,
    });
  });

  it("marks a target reached after the period end as done late", () => {
    const daily = [...eachWorkingDay("2026-03-02", "2026-03-27", 90), { day: "2026-04-02", amount: 200 }];
    const figures = progressFigures({ ...base, today: "2026-04-03", actual: 2000, daily });
    expect(figures).toMatchObject({ status: "done", forecastDay: "2026-04-02", forecastLate: true });
  });

  it("gives no reached day when the target was already met before the recorded days", () => {
    const daily = [
      { day: "2026-03-12", amount: 100 },
      { day: "2026-03-13", amount: 100 },
    ];
    expect(progressFigures({ ...base, actual: 3000, daily })).toMatchObject({ status: "done", forecastDay: null });
  });

  it("gives no forecast at a zero rate: nothing produced in the last ten working days", () => {
    const figures = progressFigures({
      ...base,
      today: "2026-03-27",
      actual: 500,
      daily: eachWorkingDay("2026-03-02", "2026-03-06", 100),
    });
    expect(figures).toMatchObject({
      currentRate: 0,
      remaining: 1500,
      forecastDay: null,
      forecastLate: false,
      status: "behind",
      workingDaysLeft: 0,
      catchUpRate: null,
    });
  });

  it("forecasts across Tết at the current rate, skipping the days off", () => {
    // 2026-02-02 to 2026-03-13: 25 working days, 40 a day for 1000; today is mùng 4 Tết.
    const figures = progressFigures({
      target: 1000,
      actual: 400,
      daily: eachWorkingDay("2026-02-02", "2026-02-13", 40),
      periodStart: "2026-02-02",
      periodEnd: "2026-03-13",
      today: "2026-02-20",
      cal: DEFAULT_CALENDAR,
    });
    expect(figures).toMatchObject({
      planToDate: 400,
      status: "on_schedule",
      currentRate: 40,
      workingDaysLeft: 15,
      catchUpRate: 40,
      forecastDay: "2026-03-13",
      forecastLate: false,
    });
  });

  it("forecasts years ahead for a slow fonds, past the last listed holidays", () => {
    const figures = progressFigures({ ...base, actual: 10, daily: [{ day: "2026-03-13", amount: 10 }] });
    expect(figures.currentRate).toBe(1);
    expect(figures.forecastDay).not.toBeNull();
    const forecast = figures.forecastDay!;
    expect(isWorkingDay(forecast, DEFAULT_CALENDAR)).toBe(true);
    expect(workingDaysBetween("2026-03-14", forecast, DEFAULT_CALENDAR)).toBe(1990);
    expect(figures.forecastLate).toBe(true);
  });

  it("gives no forecast when the rate would take past year 9999", () => {
    const figures = progressFigures({
      ...base,
      target: 1e12,
      actual: 1,
      daily: [{ day: "2026-03-13", amount: 1 }],
    });
    expect(figures).toMatchObject({ forecastDay: null, forecastLate: false });
  });


  it("follows a detailed weekly plan instead of the linear one", () => {
    const targets: PeriodTarget[] = [
      { from: "2026-03-02", to: "2026-03-06", amount: 100 },
      { from: "2026-03-09", to: "2026-03-13", amount: 150 },
      { from: "2026-03-16", to: "2026-03-20", amount: 50 },
    ];
    const input = { ...base, target: 300, periodEnd: "2026-03-20", today: "2026-03-10", actual: 150, daily: [] };
    expect(progressFigures(input)).toMatchObject({ planToDate: 140, status: "on_schedule" }); // 7 of 15 days
    expect(progressFigures({ ...input, targets })).toMatchObject({ planToDate: 160, status: "behind" });
  });

  it("plans nothing before the period starts", () => {
    expect(progressFigures({ ...base, today: "2026-02-27", actual: 0, daily: [] })).toMatchObject({
      planToDate: 0,
      variance: 0,
      percentOfPlanToDate: null,
      currentRate: 0,
      workingDaysLeft: 20,
      catchUpRate: 100,
      forecastDay: null,
      status: "on_schedule",
    });
  });

  it("treats a zero target as done", () => {
    expect(progressFigures({ ...base, target: 0, actual: 0, daily: [] })).toMatchObject({
      percentOfPlan: 1,
      remaining: 0,
      status: "done",
      catchUpRate: null,
    });
  });
});
