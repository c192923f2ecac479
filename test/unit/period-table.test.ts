import { describe, expect, it } from "vitest";
import { parsePeriodTable } from "../../schema/plan/periods";

const FONDS = new Set(["1", "2"]);
const table = (...rows: string[]) => ["Mã phông\tLoại công việc\tTừ ngày\tĐến ngày\tKhối lượng", ...rows].join("\n");

describe("parsePeriodTable", () => {
  it("reads days as dd/mm/yyyy, kinds as the plan table names them, amounts in Vietnamese numbers, with totals per kind", () => {
    const r = parsePeriodTable(table("1\tSố hóa trang tài liệu\t02/03/2026\t08/03/2026\t1.200", "2\tChỉnh lý sơ bộ (mét)\t1/3/2026\t31/3/2026\t12,50", "1\tpages\t09/03/2026\t15/03/2026\t800"), { fonds: FONDS });
    expect(r).toEqual({
      ok: true,
      kinds: ["pages", "metres"],
      totals: { pages: 2000, metres: 1250 },
      columns: { fonds: 1, kind: 2, from: 3, to: 4, amount: 5 },
      rows: [
        { line: 2, fonds: "1", kind: "pages", from: "2026-03-02", to: "2026-03-08", amount: 1200 },
        { line: 3, fonds: "2", kind: "metres", from: "2026-03-01", to: "2026-03-31", amount: 1250 },
        { line: 4, fonds: "1", kind: "pages", from: "2026-03-09", to: "2026-03-15", amount: 800 },
      ],
    });
  });

  it("pins each error to its line and column and returns no rows", () => {
    const r = parsePeriodTable(
      table("9\tSố hóa trang tài liệu\t02/03/2026\t08/03/2026\t100", "1\tquét\t02/03/2026\t08/03/2026\t100", "1\tpages\t03/13/2026\t08/03/2026\t1,5", "2\tpages\t10/03/2026\t01/03/2026\t10"),
      { fonds: FONDS },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 1],
      [3, 2],
      [4, 3],
      [4, 5],
      [5, 4],
    ]);
    expect(r.errors[2]!.message).toContain("dd/mm/yyyy");
  });

  it("refuses two periods of one fonds and kind that share a day", () => {
    const r = parsePeriodTable(table("1\tpages\t01/03/2026\t10/03/2026\t100", "1\tpages\t10/03/2026\t20/03/2026\t100"), { fonds: FONDS });
    expect(r).toEqual({ ok: false, errors: [{ line: 3, column: 3, message: expect.stringContaining("dòng 2") }] });
  });

  it("names a header it does not know, and the columns it lacks", () => {
    const r = parsePeriodTable("Mã phông\tGhi chú\tTừ ngày\n1\tx\t01/03/2026", { fonds: FONDS });
    expect(r.ok ? [] : r.errors.map((e) => [e.line, e.column])).toEqual([
      [1, null],
      [1, 2],
    ]);
  });
});
