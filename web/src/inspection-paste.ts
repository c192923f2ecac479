// A table pasted into the inspection sheet (kiểm tra ngày 20): one row per fonds, one column per kind,
// headed the way plan tables are (schema/plan/import.ts reads the same headers; "STT" or "Mã phông"
// names the fonds). Without a header the columns are the sheet's kinds in order. All or nothing:
// any error, each pinned to its line and column, and no figure is taken. Pure.
import { parseQuantity, type NumberFormat, type QuantityProblem } from "../../schema/numbers";
import { kindDecimals } from "../../schema/kinds";
import { cleanCell, detectDelimiter, splitRows } from "../../schema/plan/delimited";
import { classify, isTotalLabel } from "../../schema/plan/import";

export type PasteProblem = QuantityProblem | "noKinds" | "column" | "unknownFonds" | "notPlanned" | "duplicate" | "openQuote";
export interface PasteError {
  line: number;
  column: number | null;
  problem: PasteProblem;
  /** The cell as pasted, to quote in the message. */
  cell: string;
  /** The kind whose unit the number was read in (its decimals explain "wholeOnly"). */
  kind?: string;
}
/** Base-unit figures by "fonds/kind". */
export type PasteResult = { ok: true; values: Map<string, number> } | { ok: false; errors: PasteError[] };

export interface SheetShape {
  /** The kinds each fonds is planned in: only those cells exist in the sheet. */
  fonds: ReadonlyMap<string, readonly string[]>;
  /** The sheet's columns, in order (a table without a header follows them). */
  kinds: readonly string[];
}

type Layout = { code: number; kinds: [string, number][] };

function readHeader(cells: string[], line: number, errors: PasteError[]): Layout | null {
  const layout: Layout = { code: -1, kinds: [] };
  let rowNumber = -1;
  cells.forEach((title, index) => {
    const found = classify(title);
    if (found.role === "code") layout.code = index;
    else if (found.role === "rowNumber") rowNumber = index;
    else if (found.role === "kind" && !layout.kinds.some(([k]) => k === found.kind)) layout.kinds.push([found.kind, index]);
    else if (found.role === "ambiguous" || (found.role === "unknown" && title !== "") || found.role === "kind") errors.push({ line, column: index + 1, problem: "column", cell: title });
  });
  // Seed 001's table numbers its fonds in "STT": that number is the fonds code.
  if (layout.code === -1) layout.code = rowNumber === -1 ? 0 : rowNumber;
  if (layout.kinds.length === 0) errors.push({ line, column: null, problem: "noKinds", cell: cells.join(" ") });
  return errors.length > 0 ? null : layout;
}

export function parseSheetPaste(text: string, sheet: SheetShape, format: NumberFormat): PasteResult {
  const normalized = text.replace(/\r\n?/g, "\n");
  const { rows, openQuoteLine } = splitRows(normalized, detectDelimiter(normalized));
  if (openQuoteLine !== null) return { ok: false, errors: [{ line: openQuoteLine, column: null, problem: "openQuote", cell: "" }] };
  const filled = rows.map((r) => ({ line: r.line, cells: r.cells.map(cleanCell) })).filter((r) => r.cells.some((c) => c !== ""));
  const [first, ...rest] = filled;
  if (!first) return { ok: true, values: new Map() };
  const errors: PasteError[] = [];
  const headed = !sheet.fonds.has(first.cells[0] ?? "");
  const layout = headed ? readHeader(first.cells, first.line, errors) : { code: 0, kinds: sheet.kinds.map((k, i): [string, number] => [k, i + 1]) };
  if (!layout) return { ok: false, errors };
  const values = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const row of headed ? rest : filled) {
    const code = row.cells[layout.code] ?? "";
    if (row.cells.some(isTotalLabel)) continue;
    const planned = sheet.fonds.get(code);
    if (!planned) {
      errors.push({ line: row.line, column: layout.code + 1, problem: seen.has(code) ? "duplicate" : "unknownFonds", cell: code });
      continue;
    }
    if (seen.has(code)) {
      errors.push({ line: row.line, column: layout.code + 1, problem: "duplicate", cell: code });
      continue;
    }
    seen.set(code, row.line);
    for (const [kind, index] of layout.kinds) {
      const cell = row.cells[index] ?? "";
      if (cell === "") continue;
      const at = { line: row.line, column: index + 1, cell, kind };
      if (!planned.includes(kind)) {
        errors.push({ ...at, problem: "notPlanned" });
        continue;
      }
      const read = parseQuantity(cell, kindDecimals(kind) ?? 0, format);
      if (read.ok) values.set(`${code}/${kind}`, read.value);
      else errors.push({ ...at, problem: read.problem });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}
