// Sorting and filtering the fonds table. Fonds names are Vietnamese whatever the page's language, so they
// sort in Vietnamese order (a ă â b c d đ e ê …; "Đ" after "D", not mixed with it), and a search
// matches with or without diacritics ("dong" finds "Đồng"). Pure.
import { STATUS_RANK } from "./status";
import type { FondsRow } from "./project-figures";

export type SortKey = "code" | "name" | "status" | `kind:${string}`;
export type SortDir = "asc" | "desc";

const collator = new Intl.Collator("vi", { numeric: true });
const codeCollator = new Intl.Collator("en", { numeric: true });

/** Vietnamese collation, numbers by value ("2" before "10"): also the order of alert scopes (alert-scope.ts). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Lower case without diacritics; đ has no decomposition, so it is folded by hand. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/** Rows whose code, name or agency contains every word of `query`. */
export function filterFonds(rows: readonly FondsRow[], query: string): FondsRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = fold(`${r.fonds.code} ${r.fonds.name} ${r.fonds.agency}`);
    return words.every((w) => hay.includes(w));
  });
}

// A fonds without a plan sorts after every status.
const rankOf = (r: FondsRow) => (r.status === null ? 3 : STATUS_RANK[r.status]);

/** NaN (no target) sorts last in either direction. */
function byNumber(a: number, b: number, dir: SortDir): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  return dir === "asc" ? a - b : b - a;
}

export function sortFonds(rows: readonly FondsRow[], key: SortKey, dir: SortDir): FondsRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const tie = (a: FondsRow, b: FondsRow) => codeCollator.compare(a.fonds.code, b.fonds.code);
  const compare = (a: FondsRow, b: FondsRow): number => {
    if (key === "code") return sign * tie(a, b);
    if (key === "name") return sign * collator.compare(a.fonds.name, b.fonds.name) || tie(a, b);
    // Status: the furthest behind first (ascending), then by how far behind.
    if (key === "status") return sign * (rankOf(a) - rankOf(b) || a.lag - b.lag) || tie(a, b);
    const kind = key.slice("kind:".length);
    return byNumber(a.kinds.get(kind)?.done ?? Number.NaN, b.kinds.get(kind)?.done ?? Number.NaN, dir) || tie(a, b);
  };
  return [...rows].sort(compare);
}
