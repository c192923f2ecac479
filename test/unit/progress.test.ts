import { describe, expect, it } from "vitest";
import { addDays, DEFAULT_CALENDAR, isWorkingDay, workingDaysBetween, type WorkCalendar } from "../../schema/calendar";
import {
  linearPlanToDate,
  planToDateFromTargets,
  progressFigures,
  type PeriodTarget,
  type ProgressInput,
} from "../../schema/progress";

const PLAIN: WorkCalendar = { holidays: [], workingSaturdays: [] };

/** Every day from `from` to `to` inclusive. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** `amount` on every working day from `from` to `to`. */
function eachWorkingDay(from: string, to: string, amount: number, cal: WorkCalendar = DEFAULT_CALENDAR) {
  return days(from, to)
    .filter((day) => isWorkingDay(day, cal))
    .map((day) => ({ day, amount }));
}

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

describe("progressFigures", () => {
  // March 2026 has no holidays: 2026-03-02 (Mon) to 2026-03-27 (Fri) is 20 working days, 100 a day for 2000.
  const base = {
    target: 2000,
    periodStart: "2026-03-02",
    periodEnd: "2026-03-27",
    today: "2026-03-13",
    cal: DEFAULT_CALENDAR,
  } satisfies Partial<ProgressInput>;

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

  describe("catch-up rate", () => {
    it("is the remaining amount over the working days left: 1.000 over 20 working days is 50", () => {
      // From Saturday 28/03 to Friday 24/04/2026: 20 working days (the April holidays come after).
      const figures = progressFigures({
        ...base,
        target: 3000,
        actual: 2000,
        daily: [],
        periodEnd: "2026-04-24",
        today: "2026-03-27",
      });
      expect(figures.workingDaysLeft).toBe(20);
      expect(figures.catchUpRate).toBe(50);
    });

    it("does not count the Tết days off as days to catch up on", () => {
      // From Saturday 07/02 to 27/02/2026: 09/02–13/02 and 23/02–27/02, 10 working days.
      const figures = progressFigures({
        ...base,
        target: 1500,
        actual: 500,
        daily: [],
        periodStart: "2026-02-02",
        periodEnd: "2026-02-27",
        today: "2026-02-06",
      });
      expect(figures.workingDaysLeft).toBe(10);
      expect(figures.catchUpRate).toBe(100);
    });

    it("counts days left from tomorrow: on the last day none are left", () => {
      expect(progressFigures({ ...base, actual: 1900, daily: [], today: "2026-03-26" })).toMatchObject({
        workingDaysLeft: 1,
        catchUpRate: 100,
      });
      expect(progressFigures({ ...base, actual: 1900, daily: [], today: "2026-03-27" })).toMatchObject({
        workingDaysLeft: 0,
        catchUpRate: null,
      });
    });

    it("is null when nothing is left", () => {
      expect(progressFigures({ ...base, actual: 2000, daily: [] }).catchUpRate).toBeNull();
    });
  });

  describe("current rate", () => {
    const twoWeeks = [
      ...eachWorkingDay("2026-03-02", "2026-03-06", 100),
      ...eachWorkingDay("2026-03-09", "2026-03-13", 50),
    ];

    it("averages the last 10 working days by default, or the given window", () => {
      expect(progressFigures({ ...base, actual: 750, daily: twoWeeks }).currentRate).toBe(75);
      expect(progressFigures({ ...base, actual: 750, daily: twoWeeks, rateWindow: 5 }).currentRate).toBe(50);
    });

    it("ends the window yesterday while today has no output yet, so a morning is not a slump", () => {
      expect(progressFigures({ ...base, today: "2026-03-16", actual: 750, daily: twoWeeks }).currentRate).toBe(75);
    });

    it("includes today once today has output", () => {
      const daily = [...twoWeeks, { day: "2026-03-16", amount: 10 }];
      expect(progressFigures({ ...base, today: "2026-03-16", actual: 760, daily }).currentRate).toBe(66); // 660 / 10
    });

    it("does not reach back before the period start", () => {
      const daily = [{ day: "2026-02-27", amount: 5000 }, ...eachWorkingDay("2026-03-02", "2026-03-04", 100)];
      expect(progressFigures({ ...base, today: "2026-03-04", actual: 300, daily }).currentRate).toBe(100);
    });

    it("sums several entries of the same day and ignores entries after today", () => {
      const daily = [
        { day: "2026-03-13", amount: 60 },
        { day: "2026-03-13", amount: 40 },
        { day: "2026-03-16", amount: 9999 },
      ];
      expect(progressFigures({ ...base, actual: 100, daily, rateWindow: 1 }).currentRate).toBe(100);
    });
  });

  describe("Saturday work", () => {
    const daily = [...eachWorkingDay("2026-03-02", "2026-03-13", 100), { day: "2026-03-07", amount: 200 }];

    it("counts as output in the rate while the divisor stays the working days", () => {
      expect(isWorkingDay("2026-03-07", DEFAULT_CALENDAR)).toBe(false);
      const figures = progressFigures({ ...base, actual: 1200, daily });
      expect(figures).toMatchObject({
        planToDate: 1000,
        variance: 200,
        currentRate: 120,
        remaining: 800,
        forecastDay: "2026-03-24", // ceil(800 / 120) = 7 working days from Monday 16/03
        status: "on_schedule",
      });
    });

    it("counts on the Saturday itself when it is today", () => {
      const figures = progressFigures({
        ...base,
        today: "2026-03-14",
        actual: 1200,
        daily: [...eachWorkingDay("2026-03-02", "2026-03-13", 100), { day: "2026-03-14", amount: 200 }],
      });
      expect(figures.currentRate).toBe(120);
    });
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
