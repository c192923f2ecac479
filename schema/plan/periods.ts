// Weekly or monthly targets pasted from a table (kế hoạch chi tiết): one row per fonds × kind of work ×
// period, days typed dd/mm/yyyy and amounts in Vietnamese numbers, every error pinned to its line and
// column. All or nothing, like the plan table (./import.ts): the dashboard previews what this reads and
// sends the rows to POST /projects/:id/plan/periods only when the table has no error. Pure.
import { parseDay } from "../days";
import { WORK_KINDS, type WorkKindKey } from "../kinds";
import { parseQuantity, type NumberFormat } from "../numbers";
import { cleanCell, detectDelimiter, splitRows } from "./delimited";
import { classify, matchKey, problem, quote, type ImportError } from "./import";

export interface PeriodRow {
  line: number;
  fonds: string;
  kind: WorkKindKey;
  from: string;
  to: string;
  /** In the kind's smallest unit (schema/kinds.ts). */
  amount: number;
}

export type PeriodTableResult =
  /** `columns`: where each field was in the table (1-based), to pin a later error of a row's field. */
  | { ok: true; rows: PeriodRow[]; kinds: WorkKindKey[]; totals: Record<string, number>; columns: Record<PeriodColumn, number> }
  | { ok: false; errors: ImportError[] };

/** The API's limit on rows in one call (schema/api-admin.ts PeriodTargetsSchema). */
const MAX_ROWS = 2000;
const MAX_ERRORS = 50;

export type PeriodColumn = "fonds" | "kind" | "from" | "to" | "amount";
type Column = PeriodColumn;
const TITLES: [Column, RegExp][] = [
  ["fonds", /^(ma phong|ma|phong|fonds|fonds code|code)$/],
  ["kind", /^(loai cong viec|cong viec|loai|kind|work)$/],
  ["from", /^(tu ngay|tu|bat dau|from)$/],
  ["to", /^(den ngay|den|ket thuc|to)$/],
  ["amount", /^(khoi luong|chi tieu|ke hoach|amount|target)$/],
];
const COLUMN_NAMES: Record<Column, string> = { fonds: "Mã phông", kind: "Loại công việc", from: "Từ ngày", to: "Đến ngày", amount: "Khối lượng" };

/** A kind written as the plan table heads its column ("Số hóa trang tài liệu") or as its key ("pages"). */
function kindOf(cell: string): WorkKindKey | null {
  const key = WORK_KINDS.find((k) => k.key === cell.trim())?.key;
  if (key) return key;
  const found = classify(cell);
  return found.role === "kind" ? found.kind : null;
}

function failed(errors: ImportError[]): PeriodTableResult {
  const sorted = [...errors].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors: sorted.slice(0, MAX_ERRORS) };
}

/** `fonds`: the project's fonds codes; a row naming another is an error of its cell. */
export function parsePeriodTable(text: string, options: { fonds: ReadonlySet<string>; format?: NumberFormat }): PeriodTableResult {
  const format = options.format ?? "vi";
  const normalized = text.replace(/^\uFEFF/, "").normalize("NFC").replace(/\r\n?/g, "\n");
  const { rows: raw, openQuoteLine } = splitRows(normalized, detectDelimiter(normalized));
  if (openQuoteLine !== null) return failed([problem(openQuoteLine, null, "dấu ngoặc kép không được đóng (unclosed quote)")]);
  const [header, ...body] = raw.map((r) => ({ line: r.line, cells: r.cells.map(cleanCell) })).filter((r) => r.cells.some((c) => c !== ""));
  if (!header) return failed([{ line: 1, column: null, message: "Bảng trống (empty table)" }]);
  if (body.length > MAX_ROWS) return failed([problem(body[MAX_ROWS]!.line, null, `bảng có hơn ${MAX_ROWS} dòng (more than ${MAX_ROWS} rows)`)]);

  const errors: ImportError[] = [];
  const at = new Map<Column, number>();
  header.cells.forEach((title, index) => {
    const column = TITLES.find(([, pattern]) => pattern.test(matchKey(title)))?.[0];
    if (!column) errors.push(problem(header.line, index + 1, `không nhận ra cột ${quote(title)} (unknown column)`));
    else if (at.has(column)) errors.push(problem(header.line, index + 1, `cột ${quote(title)} trùng với cột ${at.get(column)! + 1} (duplicate column)`));
    else at.set(column, index);
  });
  const missing = TITLES.map(([c]) => c).filter((c) => !at.has(c));
  if (missing.length > 0) errors.push(problem(header.line, null, `thiếu cột ${missing.map((c) => COLUMN_NAMES[c]).join(", ")} (missing columns)`));
  if (errors.length > 0) return failed(errors);
  if (body.length === 0) return failed([problem(header.line, null, "bảng không có dòng nào (no data rows)")]);

  const rows: PeriodRow[] = [];
  for (const row of body) {
    const index = (c: Column) => at.get(c)!;
    const cell = (c: Column) => row.cells[index(c)] ?? "";
    const fail = (c: Column, text: string) => errors.push(problem(row.line, index(c) + 1, text));
    const fonds = cell("fonds");
    if (fonds === "") fail("fonds", "thiếu mã phông (missing fonds code)");
    else if (!options.fonds.has(fonds)) fail("fonds", `không có phông ${quote(fonds)} trong kế hoạch dự án (unknown fonds)`);
    const kind = kindOf(cell("kind"));
    if (!kind) fail("kind", `không nhận ra loại công việc ${quote(cell("kind"))} (unknown kind)`);
    const from = parseDay(cell("from"));
    const to = parseDay(cell("to"));
    if (!from) fail("from", `không đọc được ngày ${quote(cell("from"))}: dùng dd/mm/yyyy (not a day)`);
    if (!to) fail("to", `không đọc được ngày ${quote(cell("to"))}: dùng dd/mm/yyyy (not a day)`);
    else if (from && from > to) fail("to", "đến ngày trước từ ngày (ends before it starts)");
    const decimals = WORK_KINDS.find((k) => k.key === kind)?.decimals ?? 0;
    const amount = parseQuantity(cell("amount"), decimals, format);
    if (!amount.ok) fail("amount", `${quote(cell("amount"))} ${amount.reason}`);
    if (fonds && kind && from && to && amount.ok) rows.push({ line: row.line, fonds, kind, from, to, amount: amount.value });
  }
  // Two periods of one fonds × kind that share a day would count that day's target twice.
  const byPair = new Map<string, PeriodRow[]>();
  for (const r of rows) byPair.set(`${r.fonds}\u0000${r.kind}`, [...(byPair.get(`${r.fonds}\u0000${r.kind}`) ?? []), r]);
  for (const list of byPair.values()) {
    const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.line - b.line));
    for (let i = 1; i < sorted.length; i++) {
      const [prev, next] = [sorted[i - 1]!, sorted[i]!];
      if (next.from <= prev.to) errors.push(problem(next.line, at.get("from")! + 1, `trùng thời gian với dòng ${prev.line} (overlaps line ${prev.line})`));
    }
  }
  if (errors.length > 0) return failed(errors);
  const totals: Record<string, number> = {};
  for (const r of rows) totals[r.kind] = (totals[r.kind] ?? 0) + r.amount;
  const kinds = WORK_KINDS.map((k) => k.key).filter((k) => k in totals);
  const columns = Object.fromEntries([...at].map(([c, index]) => [c, index + 1])) as Record<Column, number>;
  return { ok: true, rows, kinds, totals, columns };
}
