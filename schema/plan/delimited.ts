// Splitting a pasted or uploaded table into rows and cells: tab, semicolon or comma separated, with the
// quoting spreadsheets write, and the markup seen in tables copied out of Word reports. Pure.

export type Row = { line: number; cells: string[] };

/** Strips the simple markup seen in pasted reports (`<b>Tổng</b>`) and folds line breaks inside a cell. */
export function cleanCell(cell: string): string {
  return cell
    .replace(/<\/?[a-z][^<>]*>/gi, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

// Tab first: a Vietnamese header such as "Tên cơ quan, đơn vị" contains commas.
export function detectDelimiter(text: string): string {
  const header = text.split("\n").find((line) => /[^\s,;]/.test(line)) ?? "";
  if (header.includes("\t")) return "\t";
  if (header.includes(";")) return ";";
  return ",";
}

/** RFC 4180 quoting for every delimiter: spreadsheets quote cells holding tabs, quotes or line breaks. */
export function splitRows(text: string, delimiter: string): { rows: Row[]; openQuoteLine: number | null } {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoteLine: number | null = null;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoteLine !== null) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoteLine = null;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && fieldStart) {
      quoteLine = line;
      fieldStart = false;
    } else if (ch === delimiter || ch === "\n") {
      cells.push(cell);
      cell = "";
      fieldStart = true;
      if (ch === "\n") {
        rows.push({ line: rowLine, cells });
        cells = [];
        rowLine = ++line;
      }
    } else {
      cell += ch;
      fieldStart = false;
    }
  }
  if (cells.length > 0 || cell !== "") rows.push({ line: rowLine, cells: [...cells, cell] });
  return { rows, openQuoteLine: quoteLine };
}
