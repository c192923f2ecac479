import { describe, expect, it } from "vitest";
import { rowsThatFit } from "../../web/src/components/wall/fit-rows";

describe("rowsThatFit", () => {
  it("shows every row when they all fit, with no '+N' line", () => {
    expect(rowsThatFit([30, 60, 90], 90, 30)).toBe(3);
    expect(rowsThatFit([], 0, 30)).toBe(0);
  });

  it("leaves room for the '+N' line when some must go", () => {
    // 100 px: two rows (60) + "+N" (30) = 90 fit; a third row would need 120.
    expect(rowsThatFit([30, 60, 90, 120], 100, 30)).toBe(2);
  });

  it("counts rows that wrap to two lines by their real height", () => {
    expect(rowsThatFit([60, 90, 150, 180], 160, 30)).toBe(2);
  });

  it("shows only '+N' when not even one row fits beside it", () => {
    expect(rowsThatFit([50, 100], 60, 30)).toBe(0);
  });
});
