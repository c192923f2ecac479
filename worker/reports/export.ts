// CSV and XLSX of a report, from the shared column model (schema/reports/columns.ts), with the centre's
// notes under the sheet. CSV: UTF-8 with BOM (Excel keeps the diacritics); figures are plain numbers
// with the language's decimal mark and no grouping ("330345", "2429,40"), so a spreadsheet in either
// convention and any program read them as numbers, not text; Vietnamese uses ';' between fields because
// ',' is its decimal mark. XLSX: a named sheet, real numbers with a thousands format, the header frozen,
// landscape for printing. Text is never a formula in either: CSV text that starts like one is
// neutralised, XLSX text cells are strings.
import writeExcelFile, { type Cell, type SheetData } from "write-excel-file/universal";
import { displayValue, type Column, type Locale, type Sheet, type Value } from "../../schema/reports/columns";
import { fromBaseUnits } from "../../schema/kinds";

/** 242940 with 2 decimals → "2429,40" (vi) / "2429.40" (en); the sign kept. */
function plainNumber(v: number, decimals: number, locale: Locale): string {
  const text = fromBaseUnits(v, decimals).toFixed(decimals);
  return locale === "vi" ? text.replace(".", ",") : text;
}

/** A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string, sep: string): string {
  return /["\r\n]/.test(text) || text.includes(sep) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Names, codes, notes and headings come from people: one that starts like a formula is shown as text,
 * with a leading apostrophe and quoted, as OWASP advises. */
function csvText(text: string, sep: string): string {
  return FORMULA_START.test(text) ? `"'${text.replace(/"/g, '""')}"` : csvField(text, sep);
}

export function toCsv(sheet: Sheet, locale: Locale, heading: string[], footer: string[] = []): string {
  const sep = locale === "vi" ? ";" : ",";
  const line = (fields: string[]) => fields.join(sep);
  const texts = (values: string[]) => line(values.map((v) => csvText(v, sep)));
  // A figure is a number even when negative (a correction can take volume back): only text is neutralised.
  const cell = (v: Value, column: Column) => {
    if (typeof v === "number" && column.decimals !== null) return plainNumber(v, column.decimals, locale);
    return csvText(displayValue(v, column, locale), sep);
  };
  const body = [...sheet.rows, sheet.totals].map((row) => line(row.map((v, i) => cell(v, sheet.columns[i]!))));
  const notes = footer.length ? ["", ...footer.map((f) => texts([f]))] : [];
  return `\uFEFF${[...heading.map((h) => texts([h])), "", texts(sheet.columns.map((c) => c.title)), ...body, ...notes].join("\r\n")}\r\n`;
}

export async function toXlsx(sheet: Sheet, heading: string[], footer: string[] = [], locale: Locale = "vi"): Promise<ArrayBuffer> {
  const weight = (bold: boolean) => (bold ? { fontWeight: "bold" as const } : {});
  const cell = (v: string | number, i: number, bold = false): Cell => {
    const c = sheet.columns[i]!;
    if (typeof v === "number" && c.decimals !== null) {
      // Stored in display units; the format gives thousands grouping and the kind's decimals.
      return { value: fromBaseUnits(v, c.decimals), type: Number, format: c.decimals > 0 ? "#,##0.00" : "#,##0", ...weight(bold) };
    }
    return { value: String(v), type: String, ...weight(bold) };
  };
  const data: SheetData = [
    ...heading.map((h): Cell[] => [{ value: h, type: String, fontWeight: "bold" }]),
    [],
    sheet.columns.map((c): Cell => ({ value: c.title, type: String, fontWeight: "bold", wrap: true })),
    ...sheet.rows.map((r) => r.map((v, i) => cell(v, i))),
    sheet.totals.map((v, i) => cell(v, i, true)),
    ...(footer.length ? [[], ...footer.map((f): Cell[] => [{ value: f, type: String }])] : []),
  ];
  const blob = await writeExcelFile(data, {
    sheet: locale === "vi" ? "Báo cáo" : "Report",
    // The heading lines, the blank line and the column titles stay in view while scrolling the fonds.
    stickyRowsCount: heading.length + 2,
    orientation: "landscape",
    columns: sheet.columns.map((_, i) => ({ width: i === 1 ? 48 : i === 0 ? 6 : 16 })),
  }).toBlob();
  return blob.arrayBuffer();
}
