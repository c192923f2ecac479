import { afterEach, describe, expect, it } from "vitest";
import { parseQuantity } from "../../schema/numbers";
import { setLocale } from "../../web/src/i18n";
import { amountInput, amountMessage, readAmount, type AmountRules } from "../../web/src/number-input";

const whole: AmountRules = { decimals: 0 };
const metres: AmountRules = { decimals: 2 };

describe("numbers typed into the dashboard (web/src/number-input.ts, over schema/numbers.ts)", () => {
  afterEach(() => setLocale("vi"));

  it.each([
    ["1.000", whole, "vi", 1000],
    ["1.000", metres, "vi", 100000],
    ["1,5", metres, "vi", 150],
    ["2,5", metres, "vi", 250],
    ["2.429,40", metres, "vi", 242940],
    ["8.628", whole, "vi", 8628],
    ["8628", whole, "vi", 8628],
    ["1,000", whole, "en", 1000],
    ["1.5", metres, "en", 150],
    ["2,429.40", metres, "en", 242940],
  ] as const)("reads %j (%o, %s) as %i base units", (text, rules, format, value) => {
    expect(readAmount(text, rules, format)).toEqual({ ok: true, value });
  });

  it.each([
    ["", whole, "vi", "empty"],
    ["abc", whole, "vi", "notNumber"],
    ["1e3", whole, "vi", "notNumber"],
    ["-5", whole, "vi", "negative"],
    ["1.00", whole, "vi", "grouping"],
    ["1.5", metres, "vi", "grouping"],
    ["1,5", whole, "vi", "wholeOnly"],
    ["1,234", metres, "vi", "decimals"],
    ["1,2,3", metres, "vi", "decimalMarks"],
    ["1.5", whole, "en", "wholeOnly"],
    ["1,00", whole, "en", "grouping"],
    ["0", { decimals: 0, min: 1 }, "vi", "below"],
    ["10.081", { decimals: 0, max: 10080 }, "vi", "above"],
    ["-0", { decimals: 2, signed: true, nonZero: true }, "vi", "zero"],
  ] as const)("refuses %j (%o, %s): %s", (text, rules, format, problem) => {
    expect(readAmount(text, rules, format)).toEqual({ ok: false, problem });
  });

  it("takes a signed amount for a correction and an empty one as its default", () => {
    expect(readAmount("-12,5", { decimals: 2, signed: true }, "vi")).toEqual({ ok: true, value: -1250 });
    expect(readAmount("  ", { decimals: 0, empty: 0 }, "vi")).toEqual({ ok: true, value: 0 });
  });

  it("gives every parser refusal a code, so a form can say it in the reader's language", () => {
    for (const text of ["", "-1", "x", "1,2,3", "1.00", "1,5", "9.007.199.254.740.992"]) {
      const r = parseQuantity(text, 0, "vi");
      expect(r.ok ? null : r.problem, text).toEqual(expect.any(String));
    }
  });

  it("explains a refusal in Vietnamese with Vietnamese separators, and in English with English ones", () => {
    expect(amountMessage("grouping", whole)).toBe("Dấu '.' ngăn cách hàng nghìn đặt sai chỗ (viết 1.000); số lẻ dùng dấu ','.");
    expect(amountMessage("above", { decimals: 0, max: 10080 })).toBe("Tối đa là 10.080.");
    expect(amountMessage("notNumber", metres)).toBe("Không phải là số. Viết như 1.234,5.");
    setLocale("en");
    expect(amountMessage("grouping", whole)).toBe("The thousands separator ',' is misplaced (write 1,000); decimals use '.'.");
    expect(amountMessage("below", { decimals: 2, min: 1 })).toBe("At least 0.01.");
  });

  it("prefills amounts the way the reader writes them", () => {
    expect(amountInput(8628, 0)).toBe("8.628");
    expect(amountInput(242940, 2)).toBe("2.429,40");
    setLocale("en");
    expect(amountInput(8628, 0)).toBe("8,628");
  });
});
