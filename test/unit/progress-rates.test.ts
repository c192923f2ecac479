import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, isWorkingDay } from "../../schema/calendar";
import { progressFigures } from "../../schema/progress";
import { days, eachWorkingDay, MARCH } from "./progress-fixtures";

describe("progressFigures: catch-up, current rate and Saturday work", () => {
  const base = MARCH;

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
});
