import { describe, expect, it } from "vitest";
import hatinhTsv from "../../../shared/fixtures/hatinh-2021-results.tsv?raw";
import { parseSheetPaste, type SheetShape } from "../../web/src/inspection-paste";

const threeKinds = ["files", "documents", "pages"];
const sheet: SheetShape = {
  fonds: new Map([
    ["1", threeKinds],
    ["2", threeKinds],
    ["3", ["pages"]],
  ]),
  kinds: threeKinds,
};

describe("parseSheetPaste", () => {
  it("reads a headed table in Vietnamese numbers, skipping the name and totals", () => {
    const text = ["STT\tTên phông\tHồ sơ\tVăn bản\tTrang", "1\tUBND huyện Can Lộc\t43\t4.895\t11.062", "3\tThanh tra\t\t\t1.017", "Tổng\t\t43\t4.895\t12.079"].join("\n");
    const r = parseSheetPaste(text, sheet, "vi");
    expect(r).toEqual({ ok: true, values: new Map([["1/files", 43], ["1/documents", 4895], ["1/pages", 11062], ["3/pages", 1017]]) });
  });

  it("reads a table without a header in the sheet's column order, with ';' as Excel's CSV writes it", () => {
    const r = parseSheetPaste("2;23;206;1.640\r\n", sheet, "vi");
    expect(r).toEqual({ ok: true, values: new Map([["2/files", 23], ["2/documents", 206], ["2/pages", 1640]]) });
  });

  it("reads seed 001's table as pasted, for the fonds the sheet has", () => {
    const shape: SheetShape = { fonds: new Map(Array.from({ length: 21 }, (_, i) => [String(i + 1), threeKinds])), kinds: threeKinds };
    const r = parseSheetPaste(hatinhTsv, shape, "vi");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.values.get("1/documents")).toBe(4895);
    expect([...r.values].filter(([k]) => k.endsWith("/pages")).reduce((s, [, v]) => s + v, 0)).toBe(330345);
  });

  it("pins every error to its line and column and takes no figure", () => {
    const text = ["Mã phông\tTrang\tHồ sơ", "1\t4.89\t2", "9\t10\t", "3\t\t5", "1\t1\t1", "2\t-3\t2,5"].join("\n");
    const r = parseSheetPaste(text, sheet, "vi");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.problem])).toEqual([
      [2, 2, "grouping"],
      [3, 1, "unknownFonds"],
      [4, 3, "notPlanned"],
      [5, 1, "duplicate"],
      [6, 2, "negative"],
      [6, 3, "wholeOnly"],
    ]);
  });

  it("refuses a header column it cannot read instead of guessing", () => {
    const r = parseSheetPaste("STT\tTrang\tGhi chú\n1\t5\tx", sheet, "vi");
    expect(r).toEqual({ ok: false, errors: [{ line: 1, column: 3, problem: "column", cell: "Ghi chú" }] });
    expect(parseSheetPaste("STT\tTên phông\n1\tA", sheet, "vi")).toMatchObject({ ok: false, errors: [{ line: 1, column: null, problem: "noKinds" }] });
  });

  it("reads English numbers in English", () => {
    expect(parseSheetPaste("Code\tPages\n1\t1,234", sheet, "en")).toEqual({ ok: true, values: new Map([["1/pages", 1234]]) });
  });

  it("says where a quote was left open", () => {
    expect(parseSheetPaste('1\t"2\t3', sheet, "vi")).toMatchObject({ ok: false, errors: [{ line: 1, problem: "openQuote" }] });
  });
});
