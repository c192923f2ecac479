import { describe, expect, it } from "vitest";
import { parseDay, parseDayList, showDay } from "../../web/src/days";

describe("days typed as officials write them", () => {
  it("reads dd/mm/yyyy, with or without leading zeros, whatever the browser locale", () => {
    expect(parseDay("01/02/2025")).toBe("2025-02-01");
    expect(parseDay(" 1/2/2025 ")).toBe("2025-02-01");
    expect(parseDay("31.12.2026")).toBe("2026-12-31");
    expect(parseDay("30-11-2026")).toBe("2026-11-30");
  });
  it("reads the day first, never month first: 11/30/2026 is no day", () => {
    expect(parseDay("11/30/2026")).toBeNull();
    expect(parseDay("03/04/2026")).toBe("2026-04-03");
  });
  it("reads yyyy-mm-dd pasted from a file or the API", () => {
    expect(parseDay("2026-11-30")).toBe("2026-11-30");
    expect(parseDay("2026-2-1")).toBe("2026-02-01");
    expect(parseDay("2026-02-30")).toBeNull();
  });
  it("refuses a day that does not exist, a two-digit year and a year the API refuses", () => {
    expect(parseDay("31/02/2025")).toBeNull();
    expect(parseDay("29/02/2025")).toBeNull();
    expect(parseDay("29/02/2028")).toBe("2028-02-29");
    expect(parseDay("01/13/2025")).toBeNull();
    expect(parseDay("01/01/26")).toBeNull();
    expect(parseDay("01/01/0026")).toBeNull();
    expect(parseDay("01/01/2101")).toBeNull();
    expect(parseDay("")).toBeNull();
    expect(parseDay("mùng 2 Tết")).toBeNull();
  });
  it("shows yyyy-mm-dd as dd/mm/yyyy, and round-trips", () => {
    expect(showDay("2026-09-02")).toBe("02/09/2026");
    expect(parseDay(showDay("2026-09-02"))).toBe("2026-09-02");
  });
  it("reads a list of days one per line or comma-separated, sorted, and names the first unreadable one", () => {
    expect(parseDayList("02/09/2026\n01/09/2026, 2026-09-02")).toEqual({ ok: true, days: ["2026-09-01", "2026-09-02"] });
    expect(parseDayList("01/09/2026\nmùng 2")).toEqual({ ok: false, bad: "mùng 2" });
  });
});
