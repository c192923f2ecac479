// Quantities as people type and read them (DOMAIN.md "Formats people expect"): Vietnamese uses "." for
// thousands and "," for decimals (330.345, 2.429,40), English the reverse. Amounts are integers in the
// kind's smallest unit (schema/kinds.ts), so parsing and formatting never go through a float.

export type NumberFormat = "vi" | "en";
/** Why a text is not a quantity, for a form to say it in the reader's language (web/src/number-input.ts). */
export type QuantityProblem = "empty" | "negative" | "notNumber" | "decimalMarks" | "grouping" | "wholeOnly" | "decimals" | "tooLarge";
/** `reason` is bilingual, for logs and import errors; `problem` is what a form translates. */
export type ParsedQuantity = { ok: true; value: number } | { ok: false; reason: string; problem: QuantityProblem };

const SEPARATORS = {
  vi: { group: ".", decimal: ",", grouped: /^\d{1,3}(?:\.\d{3})+$/ },
  en: { group: ",", decimal: ".", grouped: /^\d{1,3}(?:,\d{3})+$/ },
} as const;

const LOCALE_TAGS = { vi: "vi-VN", en: "en-US" } as const;

const fail = (problem: QuantityProblem, reason: string): ParsedQuantity => ({ ok: false, reason, problem });

/** "2.429,40" with decimals 2 → 242940. Spaces (also NBSP, as Word and spreadsheets paste) may group thousands. */
export function parseQuantity(text: string, decimals: number, format: NumberFormat = "vi"): ParsedQuantity {
  const { group, decimal, grouped } = SEPARATORS[format];
  const trimmed = text.trim();
  if (trimmed === "") return fail("empty", "trống (empty)");
  if (/^[-\u2212\u2013]\s*\d/.test(trimmed)) return fail("negative", "không được là số âm (must not be negative)");
  const compact = trimmed.replace(/\s+/g, group);
  if (!/^[\d.,]+$/.test(compact)) return fail("notNumber", "không phải là số (not a number)");

  const parts = compact.split(decimal);
  if (parts.length > 2) return fail("decimalMarks", `có nhiều hơn một dấu '${decimal}' (more than one decimal separator)`);
  const [whole = "", fraction] = parts;
  if (whole === "" || fraction === "" || fraction?.includes(group)) {
    return fail("notNumber", "không phải là số (not a number)");
  }

  // Checked before the decimals so "4.89" in vi says where the mistake is, not just "not a number".
  if (!/^\d+$/.test(whole) && !grouped.test(whole)) {
    return fail(
      "grouping",
      `sai vị trí dấu phân cách hàng nghìn '${group}', số lẻ dùng dấu '${decimal}' (misplaced thousands separator)`,
    );
  }
  const fractionDigits = fraction ?? "";
  if (fractionDigits.length > decimals) {
    return fail(
      decimals === 0 ? "wholeOnly" : "decimals",
      decimals === 0
        ? "số lẻ không hợp lệ cho loại này (whole numbers only)"
        : `quá ${decimals} chữ số thập phân (at most ${decimals} decimals)`,
    );
  }

  const scaled =
    BigInt(whole.split(group).join("")) * 10n ** BigInt(decimals) + BigInt(fractionDigits.padEnd(decimals, "0") || "0");
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) return fail("tooLarge", "số quá lớn (too large)");
  return { ok: true, value: Number(scaled) };
}

// Intl.NumberFormat is costly to build and the dashboard formats every cell of every table.
const integerFormats = new Map<NumberFormat, { format: Intl.NumberFormat; decimal: string }>();
const percentFormats = new Map<NumberFormat, Intl.NumberFormat>();

function integerFormat(locale: NumberFormat): { format: Intl.NumberFormat; decimal: string } {
  let cached = integerFormats.get(locale);
  if (!cached) {
    const tag = LOCALE_TAGS[locale];
    const decimal = new Intl.NumberFormat(tag).formatToParts(1.5).find((part) => part.type === "decimal")?.value;
    cached = {
      format: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
      decimal: decimal ?? SEPARATORS[locale].decimal,
    };
    integerFormats.set(locale, cached);
  }
  return cached;
}

/** 242940 with decimals 2 → "2.429,40" (vi) / "2,429.40" (en); whole and fraction split in BigInt, so exact. */
export function formatQuantity(amount: number, decimals: number, locale: NumberFormat): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be a safe integer in base units, got ${amount}`);
  const scale = 10n ** BigInt(decimals);
  const magnitude = BigInt(Math.abs(amount));
  // Sign handled here: Intl would drop it for -0,40 (whole part 0).
  const sign = amount < 0 ? "-" : "";
  const { format, decimal } = integerFormat(locale);
  const whole = format.format(magnitude / scale);
  if (decimals === 0) return sign + whole;
  const fraction = (magnitude % scale).toString().padStart(decimals, "0");
  return `${sign}${whole}${decimal}${fraction}`;
}

/** 0.4567 → "45,7 %" (vi, non-breaking space before %) / "45.7%" (en); "—" when there is no ratio (plan of 0). */
export function formatPercent(ratio: number, locale: NumberFormat): string {
  if (!Number.isFinite(ratio)) return "—";
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAGS[locale], {
      style: "percent",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: "negative",
    });
    percentFormats.set(locale, format);
  }
  // ICU writes "45,7%" for vi-VN; Vietnamese reports space the sign, and NBSP keeps it on the number's line.
  return format
    .formatToParts(ratio)
    .map((part) => (part.type === "percentSign" && locale === "vi" ? "\u00a0%" : part.value))
    .join("");
}

/**
 * A share of a target done, for progress: like formatPercent, but never "100,0 %" before the work is done
 * (3.097,03 of 3.098,50 m is 99,9 %, not a rounded-up 100,0 %), floored to the shown decimal while
 * not done. `done` is the item's status (schema/status.ts), not the ratio: an aggregate can pass 100 %
 * on over-delivery while one of its items is still open.
 */
export function formatProgressPercent(ratio: number, done: boolean, locale: NumberFormat): string {
  if (done || !Number.isFinite(ratio)) return formatPercent(ratio, locale);
  // 1e-9 absorbs float noise (0.2 × 1000 = 200.00000000000003 must stay 20,0 %, not fall to 19,9 %).
  const floored = Math.floor(ratio * 1000 + 1e-9) / 1000;
  return formatPercent(Math.min(floored, 0.999), locale);
}
