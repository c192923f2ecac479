import { describe, expect, it } from "vitest";
import { reportsDueOn } from "../../schema/reports/schedule";

describe("the reporting calendar (seed 000)", () => {
  const cases: [string, string, ReturnType<typeof reportsDueOn>][] = [
    ["a Monday", "2026-11-23", [{ type: "weekly", from: "2026-11-19", to: "2026-11-22" }]],
    ["a Thursday", "2026-11-26", [{ type: "weekly", from: "2026-11-23", to: "2026-11-25" }]],
    ["a Tuesday", "2026-11-24", []],
    ["the 17th on a Tuesday", "2026-11-17", [{ type: "monthly", from: "2026-10-17", to: "2026-11-16" }]],
    ["the 17th across a year end", "2027-01-17", [{ type: "monthly", from: "2026-12-17", to: "2027-01-16" }]],
    ["the 19th, the day before the inspection: nothing", "2026-11-19", [{ type: "weekly", from: "2026-11-16", to: "2026-11-18" }]],
    ["the 20th, the inspection day", "2026-11-20", [{ type: "inspection", from: "2026-10-20", to: "2026-11-19" }]],
    ["the 17th on a Monday", "2026-08-17", [{ type: "weekly", from: "2026-08-13", to: "2026-08-16" }, { type: "monthly", from: "2026-07-17", to: "2026-08-16" }]],
    ["the 20th of March, after a short February", "2026-03-20", [{ type: "inspection", from: "2026-02-20", to: "2026-03-19" }]],
    ["the 20th on a Thursday", "2026-08-20", [{ type: "weekly", from: "2026-08-17", to: "2026-08-19" }, { type: "inspection", from: "2026-07-20", to: "2026-08-19" }]],
  ];
  it.each(cases)("%s", (_name, day, expected) => {
    expect(reportsDueOn(day)).toEqual(expected);
  });

  it("covers every day exactly once with the Monday and Thursday reports", () => {
    const covered: string[] = [];
    for (let d = new Date("2026-11-02T00:00:00Z"); d < new Date("2026-12-31T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) {
      for (const r of reportsDueOn(d.toISOString().slice(0, 10)).filter((x) => x.type === "weekly")) {
        for (let x = new Date(`${r.from}T00:00:00Z`); x <= new Date(`${r.to}T00:00:00Z`); x.setUTCDate(x.getUTCDate() + 1)) covered.push(x.toISOString().slice(0, 10));
      }
    }
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered[0]).toBe("2026-10-29");
  });
});
