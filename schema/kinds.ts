// The kinds of work counted against a plan (DOMAIN.md). Quantities are stored and sent as integers in
// the kind's smallest unit (10^-decimals), so sums stay exact: 2.429,40 m is stored as 242940. `name`:
// what the dashboard and the alert messages call it (the official report has its own wording,
// schema/reports/columns.ts).
export const WORK_KINDS = [
  { key: "files", decimals: 0, unit: "records", name: { vi: "Hồ sơ", en: "Files" } },
  { key: "documents", decimals: 0, unit: "records", name: { vi: "Văn bản", en: "Documents" } },
  { key: "pages", decimals: 0, unit: "pages", name: { vi: "Trang A4", en: "Pages" } },
  { key: "metres", decimals: 2, unit: "metres", name: { vi: "Chỉnh lý sơ bộ (m)", en: "Preliminary arrangement, m" } },
  { key: "metres_loose", decimals: 2, unit: "metres", name: { vi: "Chỉnh lý rời lẻ (m)", en: "Loose arrangement, m" } },
  { key: "sheets", decimals: 0, unit: "sheets", name: { vi: "Bồi nền (tờ)", en: "Restored sheets" } },
] as const;

export type WorkKindKey = (typeof WORK_KINDS)[number]["key"];
export const WORK_KIND_KEYS = WORK_KINDS.map((k) => k.key) as [WorkKindKey, ...WorkKindKey[]];

/** Kinds in the order of WORK_KINDS (reports, cards, columns), then any kind this build does not know. */
export function sortKinds(kinds: Iterable<string>): string[] {
  const rank = (kind: string) => {
    const i = WORK_KIND_KEYS.indexOf(kind as WorkKindKey);
    return i === -1 ? WORK_KIND_KEYS.length : i;
  };
  return [...kinds].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A kind's name in `locale`; a kind this build does not know is shown by its key. */
export function kindName(kind: string, locale: "vi" | "en"): string {
  return WORK_KINDS.find((k) => k.key === kind)?.name[locale] ?? kind;
}

export function kindDecimals(kind: string): number | undefined {
  return WORK_KINDS.find((k) => k.key === kind)?.decimals;
}

/** Digits after the decimal point as the number is written (shortest round-trip form): 999999.6 → 1. */
export function fractionDigits(value: number): number {
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) return Infinity;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/** 33.6 metres → 3360; undefined when the value has more decimals than the kind allows. Decided on the
 * written digits, not a float tolerance: a relative tolerance let 999999.6 pages round to 1000000. */
export function toBaseUnits(value: number, decimals: number): number | undefined {
  if (!Number.isFinite(value) || fractionDigits(value) > decimals) return undefined;
  const scaled = Math.round(value * 10 ** decimals);
  // `+ 0` turns -0 into 0, so a stored amount never prints as "-0".
  return Number.isSafeInteger(scaled) ? scaled + 0 : undefined;
}

export function fromBaseUnits(amount: number, decimals: number): number {
  return amount / 10 ** decimals;
}

/**
 * The kinds a project counts: those some fonds has an approved or funded target for (schema/wire.ts
 * `targetOf`). Planning any amount of a kind enables it; a kind with no plan would be shown nowhere
 * (no card, no report column), so counters for it are refused (worker/live/validate.ts) and the entry
 * page does not offer it. In WORK_KINDS order, so every list of kinds reads the same.
 */
export function enabledKinds(fonds: readonly { approved: Record<string, number>; funded: Record<string, number> }[]): WorkKindKey[] {
  return WORK_KIND_KEYS.filter((kind) => fonds.some((f) => (f.funded[kind] ?? 0) > 0 || (f.approved[kind] ?? 0) > 0));
}
