import { describe, expect, it } from "vitest";
// Vite's ?raw import reads the file as is; node:fs has no types here (no @types/node in tsconfig "types").
import hatinhTsv from "../../../shared/fixtures/hatinh-2021-results.tsv?raw";
import khanhhoaTsv from "../../../shared/fixtures/khanhhoa-2024-arrangement.tsv?raw";
import { formatQuantity } from "../../schema/numbers";
import { parsePlanTable } from "../../schema/plan/import";
import { expectOk, expectErrors } from "./plan-import-results";

const lines = (text: string) => text.trimEnd().split("\n");

/** The Hà Tĩnh table as an English CSV export: English headers, "4,895" quoted, CRLF, BOM. */
function hatinhAsEnglishCsv(): string {
  const [, ...body] = lines(hatinhTsv);
  const csvCell = (cell: string) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const toEnglish = (cell: string, index: number) =>
    cell === "Tổng" ? "Total" : index >= 2 ? cell.replace(/\./g, ",") : cell;
  const rows = body.map((line) => line.split("\t").map(toEnglish).map(csvCell).join(","));
  return `\uFEFF${["No,Fonds,Files,Documents,Pages", ...rows].join("\r\n")}\r\n`;
}

describe("parsePlanTable with the Hà Tĩnh 2021 results (seed 001)", () => {
  const plan = expectOk(parsePlanTable(hatinhTsv));

  it("reads 21 fonds in order with codes and names as written", () => {
    expect(plan.kinds).toEqual(["files", "documents", "pages"]);
    expect(plan.rows).toHaveLength(21);
    expect(plan.rows.map((row) => row.code)).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
    expect(plan.rows[0]).toEqual({
      line: 2,
      code: "1",
      name: "Ủy ban nhân dân huyện Can Lộc",
      amounts: { files: 43, documents: 4895, pages: 11062 },
    });
    expect(plan.rows[20]?.name).toBe("Ủy ban nhân dân tỉnh Hà Tĩnh");
  });

  it("checks the Tổng row and returns totals that format as in the report", () => {
    expect(plan.totals).toEqual({ files: 2147, documents: 64619, pages: 330345 });
    expect(formatQuantity(plan.totals.files ?? -1, 0, "vi")).toBe("2.147");
    expect(formatQuantity(plan.totals.documents ?? -1, 0, "vi")).toBe("64.619");
    expect(formatQuantity(plan.totals.pages ?? -1, 0, "vi")).toBe("330.345");
  });

  it("reads the same table exported as an English CSV identically", () => {
    expect(parsePlanTable(hatinhAsEnglishCsv(), { format: "en" })).toEqual(plan);
  });

  it("reads the seed's own text: <b> tags, a blank line and the header repeated at a page break", () => {
    const [header = "", ...body] = lines(hatinhTsv);
    const totals = body.pop() ?? "";
    const bold = totals.replace(/[^\t]+/g, (cell) => `<b>${cell}</b>`);
    const seedText = [header, ...body.slice(0, 7), "", header, ...body.slice(7), bold].join("\n");
    const fromSeed = expectOk(parsePlanTable(seedText));
    expect(fromSeed.rows.map(({ code, name, amounts }) => ({ code, name, amounts }))).toEqual(
      plan.rows.map(({ code, name, amounts }) => ({ code, name, amounts })),
    );
    expect(fromSeed.totals).toEqual(plan.totals);
  });
});

describe("parsePlanTable with the Khánh Hòa 2024 arrangement plan (seed 002)", () => {
  const plan = expectOk(parsePlanTable(khanhhoaTsv));

  it("reads 8 units with codes kept as written", () => {
    expect(plan.kinds).toEqual(["metres", "metres_loose"]);
    expect(plan.rows.map((row) => row.code)).toEqual(["01", "02", "03", "04", "05", "06", "07", "08"]);
  });

  it("reads decimal-comma metres exactly", () => {
    const dienKhanh = plan.rows.find((row) => row.name === "Huyện Diên Khánh");
    expect(dienKhanh?.amounts).toEqual({ metres: 3360, metres_loose: 43320 });
    expect(plan.rows.find((row) => row.code === "03")?.amounts.metres).toBe(109700);
  });

  it("matches the Tổng cộng row to the cent", () => {
    expect(plan.totals).toEqual({ metres: 242940, metres_loose: 309850 });
    expect(formatQuantity(plan.totals.metres ?? -1, 2, "vi")).toBe("2.429,40");
    expect(formatQuantity(plan.totals.metres_loose ?? -1, 2, "vi")).toBe("3.098,50");
  });

  it("ignores the 2024–2026 roadmap column of X marks", () => {
    const withRoadmap = lines(khanhhoaTsv)
      .map((line, i) => `${line}\t${i === 0 ? "Lộ trình thực hiện giai đoạn 2024 - 2026" : i < 9 ? "X" : ""}`)
      .join("\n");
    expect(parsePlanTable(withRoadmap)).toEqual(plan);
  });
});

describe("parsePlanTable input handling", () => {
  it("detects a semicolon CSV and unquotes fields", () => {
    const csv = 'Mã phông;"Tên phông";Số trang\n"P ""01""";"Phòng Nội vụ; huyện Can Lộc";"6.016"\n';
    const plan = expectOk(parsePlanTable(csv));
    expect(plan.rows).toEqual([{ line: 2, code: 'P "01"', name: "Phòng Nội vụ; huyện Can Lộc", amounts: { pages: 6016 } }]);
  });

  it("keeps a quoted line break inside one record and counts lines of the pasted text", () => {
    const csv = 'STT,Tên phông,Văn bản\n1,"Phòng Tư pháp\nhuyện Can Lộc",206\n2,Thanh tra,x\n';
    const errors = expectErrors(parsePlanTable(csv));
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 3 })]);
    const fixed = expectOk(parsePlanTable(csv.replace(",x", ",145")));
    expect(fixed.rows[0]?.name).toBe("Phòng Tư pháp huyện Can Lộc");
  });

  it("numbers rows when there is no code column and computes totals when there is no totals row", () => {
    const plan = expectOk(parsePlanTable("Tên phông\tHồ sơ\nPhòng A\t3\n\nPhòng B\t4\n"));
    expect(plan.rows.map((row) => [row.line, row.code])).toEqual([[2, "1"], [4, "2"]]);
    expect(plan.totals).toEqual({ files: 7 });
  });

  it("leaves a blank amount out of the row instead of reading it as zero", () => {
    const plan = expectOk(parsePlanTable("STT\tTên phông\tHồ sơ\tTrang\n1\tPhòng A\t\t12\n"));
    expect(plan.rows[0]?.amounts).toEqual({ pages: 12 });
    expect(plan.totals).toEqual({ files: 0, pages: 12 });
  });

  it("stores decomposed (NFD) Vietnamese as NFC with its diacritics", () => {
    const plan = expectOk(parsePlanTable("STT\tTên phông\tHồ sơ\n1\tỦy ban nhân dân huyện Đức Thọ\t6\n".normalize("NFD")));
    expect(plan.rows[0]?.name).toBe("Ủy ban nhân dân huyện Đức Thọ".normalize("NFC"));
  });

  it("prefers a fonds code column over the row number", () => {
    const plan = expectOk(parsePlanTable("STT\tMã phông\tTên phông\tBồi nền (tờ)\n1\tP12\tPhòng A\t15.000\nTổng\t\t\t15.000\n"));
    expect(plan.rows[0]?.code).toBe("P12");
    expect(plan.totals).toEqual({ sheets: 15000 });
  });
});
