import { describe, expect, it } from "vitest";
import {
  addDays,
  DEFAULT_CALENDAR,
  isWorkingDay,
  nthWorkingDayBefore,
  nthWorkingDayFrom,
  weekday,
  workingDaysBetween,
  type WorkCalendar,
} from "../../schema/calendar";
import { VN_MAKEUP_SATURDAYS, VN_PUBLIC_HOLIDAYS } from "../../schema/holidays";

const PLAIN: WorkCalendar = { holidays: [], workingSaturdays: [] };

describe("addDays and weekday", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-02-16", 0, "2026-02-16"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2026-02-14", 9, "2026-02-23"],
  ] as const)("%s + %i days is %s", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ["1970-01-01", 4],
    ["2000-01-01", 6],
    ["2024-02-29", 4],
    ["2025-01-29", 3],
    ["2026-02-17", 2],
    ["2026-03-01", 0],
    ["2026-03-02", 1],
  ] as const)("%s falls on weekday %i (0 = Sunday)", (day, expected) => {
    expect(weekday(day)).toBe(expected);
  });

  it.each(["2026-02-30", "2026-13-01", "2026-2-3", "20260203", "", "2026-02-03T00:00", "0099-01-01x"])(
    "rejects %j as a day",
    (text) => {
      expect(() => weekday(text)).toThrow(RangeError);
      expect(() => addDays(text, 1)).toThrow(RangeError);
    },
  );

  it("rejects a fractional number of days", () => {
    expect(() => addDays("2026-03-02", 0.5)).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-02-13", true, "Friday before Tết"],
    ["2026-02-14", false, "Saturday"],
    ["2026-02-15", false, "Sunday"],
    ["2026-02-16", false, "29 Tết, a Monday"],
    ["2026-02-17", false, "mùng 1 Tết"],
    ["2026-02-20", false, "mùng 4 Tết, a Friday"],
    ["2026-02-23", true, "first Monday after Tết"],
    ["2026-01-01", false, "Tết Dương lịch"],
    ["2026-01-02", false, "Friday swapped off for Saturday 10/01"],
    ["2026-01-10", false, "the make-up Saturday, not in the default calendar"],
    ["2026-04-27", false, "compensatory day for Giỗ Tổ on Sunday 26/04"],
    ["2026-04-28", true, "Tuesday between the April holidays"],
    ["2026-04-30", false, "30/4"],
    ["2026-05-01", false, "1/5"],
    ["2025-09-01", false, "day adjacent to Quốc khánh"],
    ["2025-09-02", false, "Quốc khánh"],
    ["2025-09-03", true, "Wednesday after Quốc khánh"],
    ["2023-05-02", false, "compensatory day for Giỗ Tổ on Saturday 29/04"],
  ] as const)("%s is %s in the default calendar (%s)", (day, expected, _why) => {
    expect(isWorkingDay(day, DEFAULT_CALENDAR)).toBe(expected);
  });

  it("counts a listed Saturday as a working day and leaves other Saturdays off", () => {
    const cal: WorkCalendar = { ...DEFAULT_CALENDAR, workingSaturdays: ["2026-01-10"] };
    expect(isWorkingDay("2026-01-10", cal)).toBe(true);
    expect(isWorkingDay("2026-01-17", cal)).toBe(false);
  });

  it("never counts a Sunday, even when listed as a working Saturday", () => {
    expect(isWorkingDay("2026-01-11", { holidays: [], workingSaturdays: ["2026-01-11"] })).toBe(false);
  });

  it("lets a holiday win over a working Saturday on the same day", () => {
    expect(isWorkingDay("2026-05-02", { holidays: ["2026-05-02"], workingSaturdays: ["2026-05-02"] })).toBe(false);
  });

  it("takes extra days off (e.g. a local compensatory day) out of the working week", () => {
    const cal: WorkCalendar = { holidays: [], workingSaturdays: [], daysOff: ["2026-03-10"] };
    expect(isWorkingDay("2026-03-10", cal)).toBe(false);
    expect(isWorkingDay("2026-03-11", cal)).toBe(true);
  });

  it("follows the official make-up Saturdays when a project opts in", () => {
    const cal: WorkCalendar = { ...DEFAULT_CALENDAR, workingSaturdays: VN_MAKEUP_SATURDAYS };
    for (const day of VN_MAKEUP_SATURDAYS) expect(isWorkingDay(day, cal)).toBe(true);
  });
});

describe("workingDaysBetween", () => {
  it.each([
    ["a Monday-to-Sunday week", "2026-03-02", "2026-03-08", PLAIN, 5],
    ["one working day", "2026-03-02", "2026-03-02", PLAIN, 1],
    ["one Saturday", "2026-03-07", "2026-03-07", PLAIN, 0],
    ["a weekend", "2026-03-07", "2026-03-08", PLAIN, 0],
    ["an end before the start", "2026-03-09", "2026-03-02", PLAIN, 0],
    ["March 2026 with no holidays", "2026-03-01", "2026-03-31", DEFAULT_CALENDAR, 22],
    ["February 2026, Tết taking a whole week", "2026-02-01", "2026-02-28", DEFAULT_CALENDAR, 15],
    ["February 2026 without holidays", "2026-02-01", "2026-02-28", PLAIN, 20],
    ["April 2026 (27/4 and 30/4 off)", "2026-04-01", "2026-04-30", DEFAULT_CALENDAR, 20],
    ["the Tết break itself", "2026-02-14", "2026-02-22", DEFAULT_CALENDAR, 0],
    ["2026 (261 weekdays, 13 days off)", "2026-01-01", "2026-12-31", DEFAULT_CALENDAR, 248],
    [
      "a week with a working Saturday",
      "2026-03-02",
      "2026-03-08",
      { holidays: [], workingSaturdays: ["2026-03-07"] },
      6,
    ],
    [
      "a week with a weekday off",
      "2026-03-02",
      "2026-03-08",
      { holidays: ["2026-03-04"], workingSaturdays: [] },
      4,
    ],
  ] as const)("counts %s (%s to %s) inclusive", (_what, from, to, cal, expected) => {
    expect(workingDaysBetween(from, to, cal)).toBe(expected);
  });

  it("agrees with counting isWorkingDay day by day, across every listed holiday", () => {
    const cal: WorkCalendar = { ...DEFAULT_CALENDAR, workingSaturdays: VN_MAKEUP_SATURDAYS };
    const start = "2020-12-28";
    let count = 0;
    for (let day = start; day <= "2028-01-07"; day = addDays(day, 1)) {
      if (isWorkingDay(day, cal)) count++;
      if (weekday(day) === 5 || day.endsWith("-01")) expect(workingDaysBetween(start, day, cal), day).toBe(count);
    }
  });
});

describe("nthWorkingDayFrom", () => {
  it.each([
    ["2026-02-13", 1, "2026-02-13", "the day itself when it is a working day"],
    ["2026-02-13", 2, "2026-02-23", "across the Tết break"],
    ["2026-02-14", 1, "2026-02-23", "from inside the Tết break"],
    ["2026-04-24", 2, "2026-04-28", "over a weekend and the Giỗ Tổ compensatory day"],
    ["2026-04-28", 3, "2026-05-04", "over 30/4 and 1/5"],
  ] as const)("from %s, working day %i is %s (%s)", (from, n, expected, _why) => {
    expect(nthWorkingDayFrom(from, n, DEFAULT_CALENDAR)).toBe(expected);
  });

  it("counts a working Saturday", () => {
    const cal: WorkCalendar = { holidays: [], workingSaturdays: ["2026-03-07"] };
    expect(nthWorkingDayFrom("2026-03-02", 6, cal)).toBe("2026-03-07");
    expect(nthWorkingDayFrom("2026-03-02", 6, PLAIN)).toBe("2026-03-09");
  });

  it.each([1, 2, 5, 6, 7, 11, 250, 261, 1000, 10_000])(
    "lands on a working day that is working day %i, also past the last listed holiday",
    (n) => {
      for (const from of ["2026-01-01", "2027-12-30", "2031-06-07"]) {
        const day = nthWorkingDayFrom(from, n, DEFAULT_CALENDAR);
        expect(isWorkingDay(day, DEFAULT_CALENDAR)).toBe(true);
        expect(workingDaysBetween(from, day, DEFAULT_CALENDAR)).toBe(n);
      }
    },
  );

  it.each([0, -1, 1.5])("rejects n = %d", (n) => {
    expect(() => nthWorkingDayFrom("2026-03-02", n, PLAIN)).toThrow(RangeError);
  });
});

describe("nthWorkingDayBefore", () => {
  it("counts back across the Tết break", () => {
    expect(nthWorkingDayBefore("2026-02-23", 1, DEFAULT_CALENDAR)).toBe("2026-02-23");
    expect(nthWorkingDayBefore("2026-02-23", 2, DEFAULT_CALENDAR)).toBe("2026-02-13");
    expect(nthWorkingDayBefore("2026-02-22", 1, DEFAULT_CALENDAR)).toBe("2026-02-13");
  });
});

describe("VN_PUBLIC_HOLIDAYS", () => {
  it("is a sorted list of distinct weekdays", () => {
    expect([...VN_PUBLIC_HOLIDAYS].sort()).toEqual(VN_PUBLIC_HOLIDAYS);
    expect(new Set(VN_PUBLIC_HOLIDAYS).size).toBe(VN_PUBLIC_HOLIDAYS.length);
    for (const day of VN_PUBLIC_HOLIDAYS) {
      expect(day, day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect([1, 2, 3, 4, 5], day).toContain(weekday(day));
    }
  });

  it.each([2021, 2022, 2023, 2024, 2025, 2026, 2027])(
    "gives %i the 11 statutory days off (art. 112) plus one swapped day per make-up Saturday",
    (year) => {
      const inYear = (days: readonly string[]) => days.filter((d) => d.startsWith(`${year}-`)).length;
      expect(inYear(VN_PUBLIC_HOLIDAYS)).toBe(11 + inYear(VN_MAKEUP_SATURDAYS));
    },
  );

  it.each([
    ["2024", ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"]],
    ["2025", ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]],
    ["2026", ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]],
  ] as const)("has the announced Tết %s weekdays off", (_year, days) => {
    for (const day of days) expect(VN_PUBLIC_HOLIDAYS).toContain(day);
  });

  it("lists only Saturdays as make-up days", () => {
    for (const day of VN_MAKEUP_SATURDAYS) expect(weekday(day), day).toBe(6);
  });
});
