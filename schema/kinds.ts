// The kinds of work counted against a plan (DOMAIN.md). Quantities are stored and sent as integers in
// the kind's smallest unit (10^-decimals), so sums stay exact: 2.429,40 m is stored as 242940.
export const WORK_KINDS = [
  { key: "files", decimals: 0, unit: "records" },
  { key: "documents", decimals: 0, unit: "records" },
  { key: "pages", decimals: 0, unit: "pages" },
  { key: "metres", decimals: 2, unit: "metres" }, // chỉnh lý sơ bộ (preliminary arrangement)
  { key: "metres_loose", decimals: 2, unit: "metres" }, // chỉnh lý rời lẻ (loose documents)
  { key: "sheets", decimals: 0, unit: "sheets" }, // bồi nền
] as const;

export type WorkKindKey = (typeof WORK_KINDS)[number]["key"];
export const WORK_KIND_KEYS = WORK_KINDS.map((k) => k.key) as [WorkKindKey, ...WorkKindKey[]];

export function kindDecimals(kind: string): number | undefined {
  return WORK_KINDS.find((k) => k.key === kind)?.decimals;
}

export function isWorkKind(kind: string): kind is WorkKindKey {
  return kindDecimals(kind) !== undefined;
}

/** 33.6 metres → 3360; returns undefined when the value has more decimals than the kind allows. */
export function toBaseUnits(value: number, decimals: number): number | undefined {
  const scaled = value * 10 ** decimals;
  const rounded = Math.round(scaled);
  if (!Number.isFinite(scaled) || Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) return undefined;
  return rounded;
}

export function fromBaseUnits(amount: number, decimals: number): number {
  return amount / 10 ** decimals;
}
