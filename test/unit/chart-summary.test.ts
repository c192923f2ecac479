import { describe, expect, it } from "vitest";
import { burnUpFacts, dailyTotals } from "../../web/src/charts/chart-summary";

describe("burnUpFacts", () => {
  it("reads the last actual day against the plan, the plan's end and where the pace leads", () => {
    const facts = burnUpFacts({
      days: ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"],
      actual: [10, 20, null, null],
      plan: [10, 25, 40, 50],
      forecast: [null, 20, 30, 40],
    });
    expect(facts).toEqual({ day: "2026-01-02", actual: 20, plan: 25, end: "2026-01-04", target: 50, forecast: { day: "2026-01-04", amount: 40 } });
  });

  it("says nothing before the first figure", () => {
    expect(burnUpFacts({ days: ["2026-01-01"], actual: [null], plan: [5], forecast: [null] })).toBeNull();
  });
});

describe("dailyTotals", () => {
  it("sums each station's days, largest first", () => {
    expect(dailyTotals([{ label: "A", data: [1, 2] }, { label: "B", data: [5, 0] }])).toEqual({ total: 8, each: [{ label: "B", total: 5 }, { label: "A", total: 3 }] });
  });
});
