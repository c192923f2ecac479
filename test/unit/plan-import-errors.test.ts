// Malformed plan tables: each mistake refused with its line and column, nothing imported.
import { describe, expect, it } from "vitest";
import hatinhTsv from "../../../shared/fixtures/hatinh-2021-results.tsv?raw";
import { parsePlanTable } from "../../schema/plan/import";
import { expectOk, expectErrors } from "./plan-import-results";

const lines = (text: string) => text.trimEnd().split("\n");

describe("parsePlanTable rejects a malformed table with the line and column of each mistake", () => {
  /** The Hà Tĩnh fixture with `from` replaced by `to` on each given 1-based line. */
  const hatinh = (...edits: [line: number, from: string | RegExp, to: string][]) =>
    lines(hatinhTsv)
      .map((text, i) => edits.reduce((out, [line, from, to]) => (line === i + 1 ? out.replace(from, to) : out), text))
      .join("\n");

  it.each([
    {
      case: "a total that does not match the rows",
      text: hatinh([23, "2.147", "2.148"]),
      errors: [{ line: 23, column: 3, message: ["2.148", "2.147"] }],
    },
    {
      case: "a cell that is not a number",
      text: hatinh([4, "686", "6.86"]),
      errors: [{ line: 4, column: 4, message: ["'6.86'", "hàng nghìn"] }],
    },
    {
      case: "a duplicate code",
      text: hatinh([3, /^2\t/, "1\t"]),
      errors: [{ line: 3, column: 1, message: ["'1'", "dòng 2", "duplicate"] }],
    },
    {
      case: "a row after the totals row",
      text: `${hatinhTsv}22\tPhòng mới\t1\t1\t1\n`,
      errors: [{ line: 24, column: null, message: ["dòng tổng", "dòng 23"] }],
    },
    {
      case: "an unknown header column with data",
      text: "STT\tTên phông\tHồ sơ\tGhi chú\n1\tPhòng A\t3\tđã giao\n",
      errors: [{ line: 1, column: 4, message: ["'Ghi chú'", "unknown column"] }],
    },
    {
      case: "empty input",
      text: "",
      errors: [{ line: 1, column: null, message: ["trống"], wholeInput: true }],
    },
    {
      case: "input of blank lines only",
      text: "\uFEFF \r\n\t\t\r\n",
      errors: [{ line: 1, column: null, message: ["trống"], wholeInput: true }],
    },
    {
      case: "no kind column",
      text: "STT\tTên phông\n1\tPhòng A\n",
      errors: [{ line: 1, column: null, message: ["không có cột khối lượng"] }],
    },
    {
      case: "no name column",
      text: "STT\tHồ sơ\n1\t3\n",
      errors: [{ line: 1, column: null, message: ["thiếu cột tên"] }],
    },
    {
      case: "a fractional value in a counted kind",
      text: "STT\tTên phông\tHồ sơ\n1\tPhòng A\t12,5\n",
      errors: [{ line: 2, column: 3, message: ["'12,5'", "số lẻ không hợp lệ cho loại này"] }],
    },
    {
      case: "more decimals than metres allow",
      text: "STT\tTên cơ quan, đơn vị\tChỉnh lý sơ bộ (mét)\n01\tHuyện A\t33,605\n",
      errors: [{ line: 2, column: 3, message: ["quá 2 chữ số thập phân"] }],
    },
    {
      case: "two columns for one kind",
      text: "STT\tTên phông\tSố trang\tTrang A4\n1\tPhòng A\t3\t4\n",
      errors: [{ line: 1, column: 4, message: ["cột 3", "pages"] }],
    },
    {
      case: "a missing name and a missing code",
      text: "STT\tTên phông\tHồ sơ\n1\t\t3\n\tPhòng B\t4\n",
      errors: [
        { line: 2, column: 2, message: ["thiếu tên"] },
        { line: 3, column: 1, message: ["thiếu mã"] },
      ],
    },
    {
      case: "a negative amount",
      text: "STT\tTên phông\tHồ sơ\n1\tPhòng A\t-3\n",
      errors: [{ line: 2, column: 3, message: ["âm"] }],
    },
    {
      case: "a value under no header",
      text: "STT\tTên phông\tHồ sơ\n1\tPhòng A\t3\t\n2\tPhòng B\t4\t9\n",
      errors: [{ line: 3, column: 4, message: ["'9'", "không có tiêu đề"] }],
    },
    {
      case: "an unclosed quote",
      text: 'STT,Tên phông,Hồ sơ\n1,"Phòng A,3\n2,Phòng B,4\n',
      errors: [{ line: 2, column: null, message: ["ngoặc kép"] }],
    },
    {
      case: "a header without data rows",
      text: "STT\tTên phông\tHồ sơ\n",
      errors: [{ line: 1, column: null, message: ["không có dòng"] }],
    },
  ])("reports $case", ({ text, errors }) => {
    const found = expectErrors(parsePlanTable(text));
    const places = (list: { line: number; column: number | null }[]) => list.map(({ line, column }) => [line, column]);
    expect(places(found)).toEqual(places(errors));
    errors.forEach((expected, i) => {
      const message = found[i]?.message ?? "";
      // Each message stands alone: it names its own place as well as carrying it in the fields.
      const place = expected.column === null ? `Dòng ${expected.line}` : `Dòng ${expected.line}, cột ${expected.column}`;
      if (!("wholeInput" in expected)) expect(message).toMatch(place);
      for (const part of expected.message) expect(message).toContain(part);
    });
  });

  it("reports every mistake at once, not only the first", () => {
    const text = hatinh([2, "4.895", "4.89"], [5, "669", "abc"], [23, "330.345", "330.346"]);
    const errors = expectErrors(parsePlanTable(text));
    expect(errors.map(({ line, column }) => [line, column])).toEqual([[2, 4], [5, 3], [23, 5]]);
  });

  it("does not repeat a cell's error as a wrong total for its column", () => {
    const text = hatinh([2, "\t43\t", "\t4x\t"]);
    expect(expectErrors(parsePlanTable(text))).toHaveLength(1);
  });

  it("stops at 50 errors", () => {
    const body = Array.from({ length: 80 }, (_, i) => `${i + 1}\tPhòng ${i + 1}\tx`);
    expect(expectErrors(parsePlanTable(["STT\tTên phông\tHồ sơ", ...body].join("\n")))).toHaveLength(50);
  });

  it("accepts 5,000 fonds rows and a totals row", () => {
    const body = Array.from({ length: 5000 }, (_, i) => `${i + 1}\tPhòng ${i + 1}\t1`);
    const plan = expectOk(parsePlanTable(["STT\tTên phông\tHồ sơ", ...body, "Tổng\t\t5.000"].join("\n")));
    expect(plan.totals).toEqual({ files: 5000 });
  });

  it("reports the row limit alone, not buried under the rows' own errors", () => {
    const body = Array.from({ length: 6000 }, (_, i) => `${i + 1}\t\tx`);
    const errors = expectErrors(parsePlanTable(["STT\tTên phông\tHồ sơ", ...body].join("\n")));
    expect(errors).toEqual([expect.objectContaining({ line: 5003, message: expect.stringContaining("5.000") })]);
  });

  it("refuses more than 5,000 rows", () => {
    const body = Array.from({ length: 5001 }, (_, i) => `${i + 1}\tPhòng ${i + 1}\t1`);
    const errors = expectErrors(parsePlanTable(["STT\tTên phông\tHồ sơ", ...body].join("\n")));
    expect(errors).toEqual([expect.objectContaining({ line: 5002, column: null, message: expect.stringContaining("5.000") })]);
  });

  it("refuses input over 1 MB", () => {
    const errors = expectErrors(parsePlanTable(`STT\tTên phông\tHồ sơ\n${"1\tPhòng A\t1\n".repeat(90_000)}`));
    expect(errors).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining("1 MB") })]);
  });
});
