// Plan tables pasted from Word/Excel or uploaded as CSV (fixtures in ../shared/fixtures): one row per
// fonds (phông) with planned amounts per kind of work, optionally closed by a "Tổng" row that must add up.
// All-or-nothing: any error rejects the whole table, so a plan is never half imported.
import { WORK_KINDS, type WorkKindKey } from "../kinds";
import { formatQuantity, parseQuantity, type NumberFormat } from "../numbers";
import { cleanCell, detectDelimiter, splitRows, type Row } from "./delimited";

export type PlanRow = { line: number; code: string; name: string; amounts: Partial<Record<WorkKindKey, number>> };
export type ImportError = { line: number; column: number | null; message: string };
export type PlanImportResult =
  | { ok: true; kinds: WorkKindKey[]; rows: PlanRow[]; totals: Record<string, number> }
  | { ok: false; errors: ImportError[] };

const MAX_BYTES = 1_048_576;
const MAX_ROWS = 5_000;
const MAX_ERRORS = 50;

export type Found =
  | { role: "code" | "rowNumber" | "name" }
  | { role: "kind"; kind: WorkKindKey }
  | { role: "ambiguous"; kinds: WorkKindKey[] }
  | { role: "unknown" };

/** Case- and diacritic-insensitive key, for matching only: names are kept as written. */
export function matchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/đ/g, "d")
    .replace(/\s+/g, " ")
    .trim();
}

const ROW_NUMBER_HEADERS = new Set(["stt", "so tt", "tt", "so thu tu", "no", "no.", "#"]);
const CODE_HEADERS = new Set(["ma phong", "ma", "ma so", "ma don vi", "code", "fonds code"]);
const NAME_HEADERS = new Set(["fonds", "fonds name", "name", "unit", "unit name", "agency", "co quan, don vi"]);
const KIND_HEADERS: [WorkKindKey, RegExp][] = [
  ["files", /\b(ho so|files?)\b/],
  ["documents", /\b(van ban|documents?)\b/],
  ["pages", /\b(trang|pages?)\b/],
  ["metres", /\b(so bo|preliminary)\b/],
  ["metres_loose", /\b(roi le|loose)\b/],
  ["sheets", /\b(boi nen|sheets?|restor\w*)\b/],
];
const TOTAL_LABELS = new Set(["tong", "tong cong", "tong so", "cong", "total", "grand total"]);

export const isTotalLabel = (cell: string) => TOTAL_LABELS.has(matchKey(cell).replace(/[:.]$/, ""));
const isMark = (cell: string) => cell === "" || /^x$/i.test(cell);
export const quote = (cell: string) => `'${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}'`;
/** The message names its own place too, so it reads alone (e.g. in a list or a log line). */
export const problem = (line: number, column: number | null, text: string): ImportError => ({
  line,
  column,
  message: `${column === null ? `Dòng ${line}` : `Dòng ${line}, cột ${column}`}: ${text}`,
});

const tooManyRows = (line: number) => problem(line, null, `bảng có hơn 5.000 dòng (more than 5,000 rows)`);

/** What a header cell names; the inspection sheet's paste reads its columns the same way (web/src/inspection-paste.ts). */
export function classify(title: string): Found {
  const key = matchKey(title);
  if (ROW_NUMBER_HEADERS.has(key)) return { role: "rowNumber" };
  if (CODE_HEADERS.has(key)) return { role: "code" };
  if (NAME_HEADERS.has(key) || /^ten\b/.test(key)) return { role: "name" };
  const kinds = KIND_HEADERS.filter(([, pattern]) => pattern.test(key)).map(([kind]) => kind);
  if (kinds.length > 1) return { role: "ambiguous", kinds };
  return kinds[0] ? { role: "kind", kind: kinds[0] } : { role: "unknown" };
}

function failed(errors: ImportError[]): PlanImportResult {
  const sorted = [...errors].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors: sorted.slice(0, MAX_ERRORS) };
}

type Layout = { code?: number; rowNumber?: number; name?: number; kinds: [WorkKindKey, number][] };

function readHeader(header: Row, body: Row[], errors: ImportError[]): Layout {
  // reduce, not Math.max(...rows): a 1 MB paste can hold more rows than a call has arguments.
  const width = body.reduce((max, row) => Math.max(max, row.cells.length), header.cells.length);
  const layout: Layout = { kinds: [] };
  const firstOfRole = new Map<string, number>();
  for (let index = 0; index < width; index++) {
    const title = header.cells[index] ?? "";
    const column = index + 1;
    const found = classify(title);
    if (found.role === "ambiguous") {
      const kinds = found.kinds.join(" or ");
      errors.push(problem(header.line, column, `không rõ cột ${quote(title)} là loại nào (${kinds}?)`));
    } else if (found.role === "unknown") {
      // A roadmap column ("Lộ trình thực hiện giai đoạn 2024 - 2026") carries only X marks: not plan data.
      const filled = body.find((row) => !isMark(row.cells[index] ?? ""));
      if (filled && title !== "") {
        errors.push(problem(header.line, column, `không nhận ra cột ${quote(title)} (unknown column)`));
      } else if (filled) {
        const cell = filled.cells[index] ?? "";
        errors.push(problem(filled.line, column, `ô ${quote(cell)} nằm ở cột không có tiêu đề (no header)`));
      }
    } else {
      const slot = found.role === "kind" ? found.kind : found.role;
      const previous = firstOfRole.get(slot);
      if (previous !== undefined) {
        const what = found.role === "kind" ? found.kind : found.role;
        const text = `cột ${quote(title)} trùng loại với cột ${previous + 1} (two columns for ${what})`;
        errors.push(problem(header.line, column, text));
      } else {
        firstOfRole.set(slot, index);
        if (found.role === "kind") layout.kinds.push([found.kind, index]);
        else layout[found.role] = index;
      }
    }
  }
  if (layout.name === undefined) {
    errors.push(problem(header.line, null, `thiếu cột tên phông / đơn vị (no name column)`));
  }
  if (layout.kinds.length === 0) {
    errors.push(problem(header.line, null, `không có cột khối lượng nào (no work-kind column)`));
  }
  return layout;
}

/** Parses a pasted plan table (tab-separated or CSV with `;`/`,`); amounts are in base units (schema/kinds.ts). */
export function parsePlanTable(text: string, options: { format?: NumberFormat } = {}): PlanImportResult {
  const format = options.format ?? "vi";
  if (text.length > MAX_BYTES || new TextEncoder().encode(text).length > MAX_BYTES) {
    return failed([{ line: 1, column: null, message: "Bảng lớn hơn 1 MB (table larger than 1 MB)" }]);
  }
  const normalized = text.replace(/^\uFEFF/, "").normalize("NFC").replace(/\r\n?/g, "\n");
  const { rows: raw, openQuoteLine } = splitRows(normalized, detectDelimiter(normalized));
  if (openQuoteLine !== null) {
    return failed([problem(openQuoteLine, null, `dấu ngoặc kép không được đóng (unclosed quote)`)]);
  }
  const [header, ...body] = raw
    .map((row) => ({ line: row.line, cells: row.cells.map(cleanCell) }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  if (!header) return failed([{ line: 1, column: null, message: "Bảng trống (empty table)" }]);
  // One totals row may follow the 5,000 fonds rows; the limit alone is reported, other errors would bury it.
  const beyondLimit = body[MAX_ROWS + 1];
  if (beyondLimit) return failed([tooManyRows(beyondLimit.line)]);

  const errors: ImportError[] = [];
  const layout = readHeader(header, body, errors);
  const { name: nameColumn } = layout;
  if (nameColumn === undefined || layout.kinds.length === 0) return failed(errors);
  return readBody(header, body, layout, nameColumn, format, errors);
}

function readBody(
  header: Row,
  body: Row[],
  layout: Layout,
  nameColumn: number,
  format: NumberFormat,
  errors: ImportError[],
): PlanImportResult {
  const decimalsOf = (kind: WorkKindKey) => WORK_KINDS.find((k) => k.key === kind)?.decimals ?? 0;
  const labelColumns = [layout.code, layout.rowNumber, nameColumn].filter((c) => c !== undefined);
  // Reports split over pages repeat the header (seed 001); such a row is not a fonds.
  const headerKey = matchKey(header.cells.join("\t").replace(/\t+$/, ""));
  const rows: PlanRow[] = [];
  const sums = new Map<WorkKindKey, number>(layout.kinds.map(([kind]) => [kind, 0]));
  const unreliable = new Set<WorkKindKey>();
  const codeLines = new Map<string, number>();
  let totalsRow: Row | null = null;

  for (const row of body) {
    const cell = (index: number | undefined) => (index === undefined ? "" : (row.cells[index] ?? ""));
    if (matchKey(row.cells.join("\t").replace(/\t+$/, "")) === headerKey) continue;
    if (totalsRow) {
      errors.push(problem(row.line, null, `có dòng sau dòng tổng ở dòng ${totalsRow.line} (row after totals)`));
      continue;
    }
    if (labelColumns.some((index) => isTotalLabel(cell(index)))) {
      totalsRow = row;
      continue;
    }
    if (rows.length === MAX_ROWS) {
      return failed([tooManyRows(row.line)]);
    }
    const code = layout.code ?? layout.rowNumber;
    const fondsCode = code === undefined ? String(rows.length + 1) : cell(code);
    if (code !== undefined && fondsCode === "") {
      errors.push(problem(row.line, code + 1, `thiếu mã / STT (missing code)`));
    } else if (codeLines.has(fondsCode)) {
      const column = code === undefined ? null : code + 1;
      const first = codeLines.get(fondsCode);
      errors.push(problem(row.line, column, `mã ${quote(fondsCode)} trùng với dòng ${first} (duplicate code)`));
    } else {
      codeLines.set(fondsCode, row.line);
    }
    const name = cell(nameColumn);
    if (name === "") {
      errors.push(problem(row.line, nameColumn + 1, `thiếu tên phông / đơn vị (missing name)`));
    }
    const amounts: PlanRow["amounts"] = {};
    for (const [kind, index] of layout.kinds) {
      const text = cell(index);
      if (text === "") continue;
      const parsed = parseQuantity(text, decimalsOf(kind), format);
      if (!parsed.ok) {
        errors.push(problem(row.line, index + 1, `${quote(text)} ${parsed.reason}`));
        unreliable.add(kind);
        continue;
      }
      amounts[kind] = parsed.value;
      sums.set(kind, (sums.get(kind) ?? 0) + parsed.value);
    }
    rows.push({ line: row.line, code: fondsCode, name, amounts });
  }

  if (rows.length === 0) {
    errors.push(problem(header.line, null, `bảng không có dòng phông nào (no data rows)`));
  }
  const totals: Record<string, number> = {};
  for (const [kind, index] of layout.kinds) {
    const sum = sums.get(kind) ?? 0;
    totals[kind] = sum;
    if (!Number.isSafeInteger(sum)) {
      errors.push(problem(header.line, index + 1, `tổng cột quá lớn (column total too large)`));
    }
    const given = totalsRow?.cells[index] ?? "";
    if (!totalsRow || given === "") continue;
    const parsed = parseQuantity(given, decimalsOf(kind), format);
    if (!parsed.ok) {
      errors.push(problem(totalsRow.line, index + 1, `${quote(given)} ${parsed.reason}`));
    } else if (!unreliable.has(kind) && parsed.value !== sum) {
      // Skipped when a row in the column was unreadable: its sum would only repeat that error.
      const expected = formatQuantity(sum, decimalsOf(kind), format);
      const stated = formatQuantity(parsed.value, decimalsOf(kind), format);
      const text = `dòng tổng ghi ${stated} nhưng cộng các dòng được ${expected} (total ${stated} ≠ sum ${expected})`;
      errors.push(problem(totalsRow.line, index + 1, text));
    }
  }
  if (errors.length > 0) return failed(errors);
  return { ok: true, kinds: layout.kinds.map(([kind]) => kind), rows, totals };
}
