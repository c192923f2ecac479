import { readSheet } from "read-excel-file/universal";
import { describe, expect, it } from "vitest";
import type { Sheet } from "../../schema/reports/columns";
import { toCsv, toXlsx } from "../../worker/reports/export";

const sheet = (rows: Sheet["rows"]): Sheet => ({
  columns: [
    { title: "STT", kind: null, decimals: null },
    { title: "Tên phông", kind: null, decimals: null },
    { title: "Số hóa trang tài liệu", kind: "pages", decimals: 0 },
    { title: "Chỉnh lý sơ bộ (mét)", kind: "metres", decimals: 2 },
  ],
  rows,
  totals: ["Tổng", "", 0, 0],
});

const csvLines = (csv: string) => csv.replace(/^\uFEFF/, "").split("\r\n");

describe("toCsv", () => {
  it("neutralises text cells that a spreadsheet would run as a formula", () => {
    const csv = toCsv(
      sheet([
        ["=1+2", "=HYPERLINK(\"http://evil.example\";\"x\")", 1, 0],
        ["+3", "-2+3", 2, 0],
        ["@SUM(A1)", "\tTab", 3, 0],
        ["4", "\r=cmd", 4, 0],
      ]),
      "vi",
      ["=Báo cáo", "Quyết định 4020/QĐ-UBND"],
    );
    const lines = csvLines(csv);
    expect(lines[0]).toBe(`"'=Báo cáo"`);
    expect(lines[1]).toBe("Quyết định 4020/QĐ-UBND");
    expect(lines[4]).toBe(`"'=1+2";"'=HYPERLINK(""http://evil.example"";""x"")";1;0,00`);
    expect(lines[5]).toBe(`"'+3";"'-2+3";2;0,00`);
    expect(lines[6]).toBe(`"'@SUM(A1)";"'\tTab";3;0,00`);
    expect(csv).toContain(`4;"'\r=cmd";4;0,00`);
  });

  it("keeps negative figures as numbers, in the reader's number format", () => {
    const lines = csvLines(toCsv(sheet([["1", "Phòng Tư pháp", -1234, -40]]), "vi", []));
    expect(lines[2]).toBe("1;Phòng Tư pháp;-1.234;-0,40");
    const en = csvLines(toCsv(sheet([["1", "Justice office", -1234, -40]]), "en", []));
    expect(en[2]).toBe('1,Justice office,"-1,234",-0.40');
  });
});

describe("toXlsx", () => {
  it("writes formula-looking text as text cells and figures as numbers", async () => {
    const rows = await readSheet(await toXlsx(sheet([["=1+2", "@cmd", -5, 125]]), ["=Báo cáo"]));
    expect(rows[0]![0]).toBe("=Báo cáo");
    const row = rows.find((r) => r[0] === "=1+2")!;
    expect(row).toEqual(["=1+2", "@cmd", -5, 1.25]);
  });
});
