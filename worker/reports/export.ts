// CSV and XLSX of a report, from the shared column model (schema/reports/columns.ts).
// CSV: UTF-8 with BOM (Excel keeps the diacritics), numbers as people write them in the chosen
// language; Vietnamese uses ';' between fields because ',' is its decimal mark. XLSX: real numbers
// with a thousands format, so Excel and LibreOffice show them in the reader's own convention.
import writeExcelFile, { type Cell, type SheetData } from "write-excel-file/universal";
import { displayValue, type Locale, type Sheet } from "../../schema/reports/columns";

function csvField(text: string, sep: string): string {
  return text.includes(sep) || text.includes('"') || text.includes("\n") ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(sheet: Sheet, locale: Locale, heading: string[]): string {
  const sep = locale === "vi" ? ";" : ",";
  const line = (values: string[]) => values.map((v) => csvField(v, sep)).join(sep);
  const body = [...sheet.rows, sheet.totals].map((row) => line(row.map((v, i) => displayValue(v, sheet.columns[i]!, locale))));
  return `\uFEFF${[...heading.map((h) => line([h])), "", line(sheet.columns.map((c) => c.title)), ...body].join("\r\n")}\r\n`;
}

export async function toXlsx(sheet: Sheet, heading: string[]): Promise<ArrayBuffer> {
  const weight = (bold: boolean) => (bold ? { fontWeight: "bold" as const } : {});
  const cell = (v: string | number, i: number, bold = false): Cell => {
    const c = sheet.columns[i]!;
    if (typeof v === "number" && c.decimals !== null) {
      // Stored in display units; the format gives thousands grouping and the kind's decimals.
      return { value: v / 10 ** c.decimals, type: Number, format: c.decimals > 0 ? "#,##0.00" : "#,##0", ...weight(bold) };
    }
    return { value: String(v), type: String, ...weight(bold) };
  };
  const data: SheetData = [
    ...heading.map((h): Cell[] => [{ value: h, type: String, fontWeight: "bold" }]),
    [],
    sheet.columns.map((c): Cell => ({ value: c.title, type: String, fontWeight: "bold", wrap: true })),
    ...sheet.rows.map((r) => r.map((v, i) => cell(v, i))),
    sheet.totals.map((v, i) => cell(v, i, true)),
  ];
  const blob = await writeExcelFile(data, { columns: sheet.columns.map((_, i) => ({ width: i === 1 ? 48 : i === 0 ? 6 : 16 })) }).toBlob();
  return blob.arrayBuffer();
}
