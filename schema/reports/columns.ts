// One column model for every form of a report (dashboard view, CSV, XLSX), so they cannot disagree.
// The first columns per kind are the period's results, in the shape of the seed 001 table.
import { formatQuantity } from "../numbers";
import { ratingWords } from "./status";
import type { ReportCell, ReportTable } from "./table";

export type Locale = "vi" | "en";

const KIND_TITLES: Record<string, Record<Locale, string>> = {
  files: { vi: "Nhập trường thông tin hồ sơ", en: "File records entered" },
  documents: { vi: "Nhập trường thông tin văn bản", en: "Document records entered" },
  pages: { vi: "Số hóa trang tài liệu", en: "Pages scanned" },
  metres: { vi: "Chỉnh lý sơ bộ (mét)", en: "Preliminary arrangement (m)" },
  metres_loose: { vi: "Chỉnh lý rời lẻ (mét)", en: "Loose arrangement (m)" },
  sheets: { vi: "Bồi nền (tờ)", en: "Sheets restored" },
};

const FIELDS: { key: string; title: Record<Locale, string>; value: (c: ReportCell, l: Locale) => number | string }[] = [
  { key: "periodActual", title: { vi: "thực hiện", en: "done" }, value: (c) => c.periodActual },
  { key: "periodPlan", title: { vi: "kế hoạch kỳ", en: "period plan" }, value: (c) => c.periodPlan },
  { key: "cumulative", title: { vi: "lũy kế", en: "cumulative" }, value: (c) => c.cumulative },
  { key: "target", title: { vi: "kế hoạch", en: "target" }, value: (c) => c.target },
  { key: "completed", title: { vi: "hoàn thành", en: "completed" }, value: (c, l) => ratingWords(c.ratings, l).completed },
  { key: "achieved", title: { vi: "đạt", en: "achieved" }, value: (c, l) => ratingWords(c.ratings, l).achieved },
  { key: "onSchedule", title: { vi: "tiến độ", en: "schedule" }, value: (c, l) => ratingWords(c.ratings, l).onSchedule },
  { key: "nextTarget", title: { vi: "chỉ tiêu kỳ tới", en: "next period" }, value: (c) => c.nextTarget },
];

export interface Column {
  title: string;
  kind: string | null;
  /** Numbers are in the kind's smallest unit; `decimals` says how to show them. */
  decimals: number | null;
}

export type Value = number | string;

export interface Sheet {
  columns: Column[];
  rows: Value[][];
  totals: Value[];
}

export function kindTitle(kind: string, locale: Locale): string {
  return KIND_TITLES[kind]?.[locale] ?? kind;
}

/** `decimals` per kind: metres 2, counted kinds 0. */
export function reportSheet(table: ReportTable, decimals: Record<string, number>, locale: Locale): Sheet {
  const columns: Column[] = [
    // STT is a number (1, 2, …): a spreadsheet sorts and sums it; fonds codes are not row numbers.
    { title: locale === "vi" ? "STT" : "No.", kind: null, decimals: 0 },
    { title: locale === "vi" ? "Tên phông" : "Fonds", kind: null, decimals: null },
  ];
  for (const kind of table.kinds) {
    for (const f of FIELDS) {
      const numeric = !["completed", "achieved", "onSchedule"].includes(f.key);
      columns.push({ title: f.key === "periodActual" ? kindTitle(kind, locale) : `${kindTitle(kind, locale)} — ${f.title[locale]}`, kind, decimals: numeric ? (decimals[kind] ?? 0) : null });
    }
  }
  const cells = (byKind: Record<string, ReportCell>) => table.kinds.flatMap((k) => FIELDS.map((f) => f.value(byKind[k]!, locale)));
  return {
    columns,
    rows: table.rows.map((r, i) => [i + 1, r.name, ...cells(r.cells)]),
    totals: [locale === "vi" ? "Tổng" : "Total", "", ...cells(table.totals)],
  };
}

/** A value as people read it: 330.345 and 2.429,40 in Vietnamese. */
export function displayValue(v: Value, c: Column, locale: Locale): string {
  return typeof v === "number" && c.decimals !== null ? formatQuantity(v, c.decimals, locale) : String(v);
}
