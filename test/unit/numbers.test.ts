import { describe, expect, it } from "vitest";
import { formatPercent, formatQuantity, parseQuantity } from "../../schema/numbers";

describe("parseQuantity", () => {
  it.each([
    ["4.895", 0, "vi", 4895],
    ["330.345", 0, "vi", 330345],
    ["1097", 0, "vi", 1097],
    ["1097", 2, "vi", 109700],
    ["33,6", 2, "vi", 3360],
    ["2.429,40", 2, "vi", 242940],
    ["249,26", 2, "vi", 24926],
    ["0", 0, "vi", 0],
    ["0", 2, "vi", 0],
    ["  4 895 ", 0, "vi", 4895],
    ["\u00a04\u00a0895\u00a0", 0, "vi", 4895],
    ["1\u202f234\u202f567", 0, "vi", 1234567],
    ["1.234.567,5", 2, "vi", 123456750],
    ["4,895", 0, "en", 4895],
    ["2,429.40", 2, "en", 242940],
    ["33.6", 2, "en", 3360],
    ["4 895", 0, "en", 4895],
    ["9.007.199.254.740.991", 0, "vi", Number.MAX_SAFE_INTEGER],
  ] as const)("reads %j (decimals %i, %s) as %i base units", (text, decimals, format, value) => {
    expect(parseQuantity(text, decimals, format)).toEqual({ ok: true, value });
  });

  it("defaults to the Vietnamese format", () => {
    expect(parseQuantity("2.429,40", 2)).toEqual({ ok: true, value: 242940 });
  });

  it.each([
    ["", 0, "vi", "trống"],
    ["   ", 0, "vi", "trống"],
    ["-5", 0, "vi", "âm"],
    ["−5", 0, "vi", "âm"],
    ["12a", 0, "vi", "không phải là số"],
    ["abc", 0, "vi", "không phải là số"],
    ["NaN", 0, "vi", "không phải là số"],
    ["Infinity", 0, "vi", "không phải là số"],
    ["1e5", 0, "vi", "không phải là số"],
    ["+5", 0, "vi", "không phải là số"],
    [",5", 2, "vi", "không phải là số"],
    ["5,", 2, "vi", "không phải là số"],
    ["4.89", 0, "vi", "hàng nghìn"],
    ["1.2345", 0, "vi", "hàng nghìn"],
    ["1234.567", 0, "vi", "hàng nghìn"],
    ["4,89", 0, "en", "hàng nghìn"],
    ["1,234", 0, "vi", "số lẻ không hợp lệ cho loại này"],
    ["12,5", 0, "vi", "số lẻ không hợp lệ cho loại này"],
    ["1,234", 2, "vi", "quá 2 chữ số thập phân"],
    ["1,2,3", 2, "vi", "nhiều hơn một dấu"],
    ["9.007.199.254.740.992", 0, "vi", "quá lớn"],
  ] as const)("rejects %j (decimals %i, %s): %s", (text, decimals, format, reason) => {
    const result = parseQuantity(text, decimals, format);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe("formatQuantity", () => {
  it.each([
    [330345, 0, "vi", "330.345"],
    [330345, 0, "en", "330,345"],
    [242940, 2, "vi", "2.429,40"],
    [242940, 2, "en", "2,429.40"],
    [3360, 2, "vi", "33,60"],
    [1097, 0, "vi", "1.097"],
    [0, 2, "vi", "0,00"],
    [7, 2, "vi", "0,07"],
    [-40, 2, "vi", "-0,40"],
    [-2147, 0, "vi", "-2.147"],
    [Number.MAX_SAFE_INTEGER, 0, "vi", "9.007.199.254.740.991"],
    [Number.MAX_SAFE_INTEGER, 2, "en", "90,071,992,547,409.91"],
  ] as const)("writes %i base units (decimals %i, %s) as %j", (amount, decimals, locale, text) => {
    expect(formatQuantity(amount, decimals, locale)).toBe(text);
  });

  it("round-trips with parseQuantity in both formats", () => {
    for (const [amount, decimals] of [[242940, 2], [309850, 2], [64619, 0], [5, 2]] as const) {
      for (const locale of ["vi", "en"] as const) {
        expect(parseQuantity(formatQuantity(amount, decimals, locale), decimals, locale)).toEqual({ ok: true, value: amount });
      }
    }
  });

  it("refuses an amount that is not an integer in base units", () => {
    expect(() => formatQuantity(33.6, 2, "vi")).toThrow(RangeError);
  });
});

describe("formatPercent", () => {
  it.each([
    [0.4567, "vi", "45,7\u00a0%"],
    [0.4567, "en", "45.7%"],
    [1, "vi", "100,0\u00a0%"],
    [1.234, "en", "123.4%"],
    [0, "en", "0.0%"],
    [-0.00001, "vi", "0,0\u00a0%"],
    [Number.NaN, "vi", "—"],
    [Number.POSITIVE_INFINITY, "en", "—"],
  ] as const)("writes %d as %j in %s", (ratio, locale, text) => {
    expect(formatPercent(ratio, locale)).toBe(text);
  });
});
