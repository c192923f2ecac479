import { readSheet } from "read-excel-file/universal";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Sheet } from "../../schema/reports/columns";
import { toCsv, toXlsx } from "../../worker/reports/export";

const sheet = (rows: Sheet["rows"]): Sheet => ({
  columns: [
    { title: "STT", kind: null, decimals: 0 },
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

  it("writes figures as plain numbers with the language's decimal mark, negative ones too", () => {
    const lines = csvLines(toCsv(sheet([["1", "Phòng Tư pháp", -1234, -40]]), "vi", []));
    expect(lines[2]).toBe("1;Phòng Tư pháp;-1234;-0,40");
    const en = csvLines(toCsv(sheet([["1", "Justice office", -1234, 242940]]), "en", []));
    expect(en[2]).toBe("1,Justice office,-1234,2429.40");
  });

  it("puts the centre's notes under the table, neutralised like any text", () => {
    const lines = csvLines(toCsv(sheet([]), "vi", ["Báo cáo"], ["Khó khăn, vướng mắc: giấy mỏng", "=cmd"]));
    expect(lines.slice(-4)).toEqual(["", "Khó khăn, vướng mắc: giấy mỏng", `"'=cmd"`, ""]);
  });
});

describe("toXlsx", () => {
  it("writes formula-looking text as text cells and figures as numbers", async () => {
    const rows = await readSheet(await toXlsx(sheet([["=1+2", "@cmd", -5, 125]]), ["=Báo cáo"]));
    expect(rows[0]![0]).toBe("=Báo cáo");
    const row = rows.find((r) => r[0] === "=1+2")!;
    expect(row).toEqual(["=1+2", "@cmd", -5, 1.25]);
  });

  it("names the sheet, freezes the heading and column titles, prints landscape and ends with the notes", async () => {
    const buffer = await toXlsx(sheet([[1, "Phòng Tư pháp", 5, 0]]), ["Báo cáo tuần"], ["Kiến nghị, đề xuất: bố trí kinh phí"], "vi");
    const files = unzipSync(new Uint8Array(buffer));
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain('name="Báo cáo"');
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(xml).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/);
    expect(xml).toContain('orientation="landscape"');
    const rows = await readSheet(buffer);
    expect(rows.find((r) => r[1] === "Phòng Tư pháp")![0]).toBe(1);
    expect(rows.at(-1)![0]).toBe("Kiến nghị, đề xuất: bố trí kinh phí");
  });
});
