// A plan kept in Excel becomes the same text a pasted table is, so the server's one parser reads it
// (and its preview pins errors to the same lines and columns). Figures are written in the number
// format the form says the table uses. Pure.
export type SheetCell = string | number | boolean | Date | null | undefined;

function figure(n: number, format: "vi" | "en"): string {
  // Up to 2 decimals (metres), grouped as the officials write them: 2.429,4 (vi) or 2,429.4 (en).
  return new Intl.NumberFormat(format === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2, useGrouping: true }).format(n);
}

function cellText(cell: SheetCell, format: "vi" | "en"): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return figure(cell, format);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  // A tab or line break inside a cell would split it: spreadsheets quote such cells, and so do we.
  const text = String(cell);
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of a sheet as tab-separated text, empty trailing rows left out. */
export function sheetToTable(rows: readonly (readonly SheetCell[])[], format: "vi" | "en"): string {
  const lines = rows.map((r) => r.map((c) => cellText(c, format)).join("\t"));
  while (lines.length > 0 && lines.at(-1)!.replace(/\t/g, "").trim() === "") lines.pop();
  return lines.join("\n");
}
