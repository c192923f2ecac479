import { describe, expect, it } from "vitest";
import { rate, ratingWords, type RatingInput } from "../../schema/reports/status";

const base: RatingInput = { target: 1000, cumulative: 500, periodPlan: 100, periodActual: 100, planToDate: 500, tolerance: 0.05 };

describe("report ratings follow the plan comparison exactly", () => {
  const cases: [string, Partial<RatingInput>, [string, string, string]][] = [
    ["on plan in the period and to date", {}, ["Không hoàn thành", "Đạt", "Đảm bảo tiến độ"]],
    ["period short by one", { periodActual: 99 }, ["Không hoàn thành", "Không đạt", "Đảm bảo tiến độ"]],
    ["period over plan", { periodActual: 150 }, ["Không hoàn thành", "Đạt", "Đảm bảo tiến độ"]],
    ["cumulative exactly at the tolerance edge", { cumulative: 475 }, ["Không hoàn thành", "Đạt", "Đảm bảo tiến độ"]],
    ["cumulative one below the tolerance edge", { cumulative: 474 }, ["Không hoàn thành", "Đạt", "Chậm tiến độ"]],
    ["zero tolerance, one short", { tolerance: 0, cumulative: 499 }, ["Không hoàn thành", "Đạt", "Chậm tiến độ"]],
    ["target reached", { cumulative: 1000, planToDate: 1000 }, ["Hoàn thành", "Đạt", "Đảm bảo tiến độ"]],
    ["target reached early though the period had no work", { cumulative: 1000, periodActual: 0 }, ["Hoàn thành", "Đạt", "Đảm bảo tiến độ"]],
    ["nothing planned in the period", { periodPlan: 0, periodActual: 0 }, ["Không hoàn thành", "Đạt", "Đảm bảo tiến độ"]],
    ["no target at all", { target: 0, cumulative: 0, periodPlan: 0, periodActual: 0, planToDate: 0 }, ["Hoàn thành", "Đạt", "Đảm bảo tiến độ"]],
    ["nothing done yet, behind", { cumulative: 0, periodActual: 0 }, ["Không hoàn thành", "Không đạt", "Chậm tiến độ"]],
  ];
  it.each(cases)("%s", (_name, change, [completed, achieved, onSchedule]) => {
    expect(ratingWords(rate({ ...base, ...change }), "vi")).toEqual({ completed, achieved, onSchedule });
  });

  it("has English words for the same ratings", () => {
    expect(ratingWords(rate({ ...base, cumulative: 0, periodActual: 0 }), "en")).toEqual({ completed: "Not completed", achieved: "Not achieved", onSchedule: "Behind schedule" });
  });
});
