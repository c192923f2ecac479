import { describe, expect, it } from "vitest";
import { enabledKinds, fractionDigits, toBaseUnits } from "../../schema/kinds";

describe("toBaseUnits", () => {
  it("refuses 999999.6 pages rather than rounding it to 1000000", () => {
    expect(toBaseUnits(999999.6, 0)).toBeUndefined();
    expect(toBaseUnits(1.5, 0)).toBeUndefined();
    expect(toBaseUnits(1e-7, 0)).toBeUndefined();
  });

  it("takes metres with up to 2 decimals exactly, whatever the float arithmetic", () => {
    expect(toBaseUnits(33.6, 2)).toBe(3360);
    expect(toBaseUnits(0.29, 2)).toBe(29);
    expect(toBaseUnits(2429.4, 2)).toBe(242940);
    expect(toBaseUnits(999999.99, 2)).toBe(99999999);
    expect(toBaseUnits(0.001, 2)).toBeUndefined();
    expect(toBaseUnits(0.1 + 0.2, 2)).toBeUndefined();
  });

  it("refuses what is not a finite amount, and never returns -0", () => {
    expect(toBaseUnits(Number.NaN, 0)).toBeUndefined();
    expect(toBaseUnits(Number.POSITIVE_INFINITY, 0)).toBeUndefined();
    expect(toBaseUnits(1e308, 2)).toBeUndefined();
    expect(Object.is(toBaseUnits(-0, 2), 0)).toBe(true);
    expect(toBaseUnits(-5, 0)).toBe(-5);
  });

  it("counts decimals as written, also in exponent notation", () => {
    expect([fractionDigits(12), fractionDigits(1.25), fractionDigits(1e21), fractionDigits(1.5e-5), fractionDigits(-3.1)]).toEqual([0, 2, 0, 6, 1]);
  });
});

describe("enabledKinds", () => {
  it("enables a kind as soon as any fonds has an approved or funded target for it, in schema order", () => {
    const fonds: { approved: Record<string, number>; funded: Record<string, number> }[] = [
      { approved: { pages: 100, sheets: 0 }, funded: {} },
      { approved: { files: 0 }, funded: { metres: 3360, files: 0 } },
      { approved: { documents: 1 }, funded: { documents: 0 } },
    ];
    expect(enabledKinds(fonds)).toEqual(["documents", "pages", "metres"]);
    expect(enabledKinds([])).toEqual([]);
  });
});
