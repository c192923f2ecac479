// A plan uploaded as an Excel workbook reaches the server as the text a pasted table would be.
import { describe, expect, it } from "vitest";
import { parsePlanTable } from "../../schema/plan/import";
import { sheetToTable } from "../../web/src/components/admin/sheet-text";

describe("an Excel plan as table text", () => {
  const sheet = [
    ["STT", "Tên phông", "Chỉnh lý sơ bộ (m)", "Số hóa trang tài liệu"],
    [1, "UBND huyện Diên Khánh", 33.6, 4895],
    [2, "Phòng Nội vụ\nthị xã Ninh Hòa", 2395.8, 11062],
    ["Tổng", null, 2429.4, 15957],
    [null, null, null, null],
  ];

  it("writes figures as the chosen format reads them, and the parser gets them back exactly", () => {
    const vi = sheetToTable(sheet, "vi");
    expect(vi.split("\n")[1]).toBe("1\tUBND huyện Diên Khánh\t33,6\t4.895");
    const parsed = parsePlanTable(vi, { format: "vi" });
    expect(parsed.ok && parsed.rows.map((r) => r.amounts)).toEqual([
      { metres: 3360, pages: 4895 },
      { metres: 239580, pages: 11062 },
    ]);
    const en = sheetToTable(sheet, "en");
    expect(en).toContain('2\t"Phòng Nội vụ\nthị xã Ninh Hòa"\t2,395.8\t11,062');
    expect(parsePlanTable(en, { format: "en" })).toMatchObject({ ok: true });
  });

  it("leaves out empty rows at the end", () => {
    expect(sheetToTable(sheet, "vi").endsWith("Tổng\t\t2.429,4\t15.957")).toBe(true);
  });
});
