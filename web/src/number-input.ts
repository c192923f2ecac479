// Every number a person types into the dashboard goes through here: the one parser (schema/numbers.ts)
// in the reader's format (vi: "1.000" is a thousand, "2,5" two and a half; en the reverse), limits, and
// the reason for a refusal in the reader's language, to show next to the field (components/NumberField.tsx).
import { formatQuantity, parseQuantity, type QuantityProblem } from "../../schema/numbers";
import { locale, tf, type Locale } from "./i18n";

export interface AmountRules {
  /** Digits after the decimal mark the amount may have (a kind's decimals: metres 2, counts 0). */
  decimals: number;
  /** A leading minus is allowed (a correction). */
  signed?: boolean;
  /** Empty text reads as this value instead of an error. */
  empty?: number;
  /** Limits in base units (10^-decimals). */
  min?: number;
  max?: number;
  nonZero?: boolean;
}

export type AmountProblem = QuantityProblem | "zero" | "below" | "above";
/** `value` is in base units: "2,5" metres (decimals 2) → 250. */
export type AmountRead = { ok: true; value: number } | { ok: false; problem: AmountProblem };

export function readAmount(text: string, rules: AmountRules, format: Locale): AmountRead {
  const trimmed = text.trim();
  if (trimmed === "" && rules.empty !== undefined) return { ok: true, value: rules.empty };
  const negative = rules.signed === true && /^[-\u2212\u2013]/.test(trimmed);
  const parsed = parseQuantity(negative ? trimmed.slice(1) : trimmed, rules.decimals, format);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const value = negative ? -parsed.value : parsed.value;
  if (rules.nonZero && value === 0) return { ok: false, problem: "zero" };
  if (rules.min !== undefined && value < rules.min) return { ok: false, problem: "below" };
  if (rules.max !== undefined && value > rules.max) return { ok: false, problem: "above" };
  return { ok: true, value };
}

const SEPARATORS = { vi: { group: ".", decimal: "," }, en: { group: ",", decimal: "." } } as const;

/** The refusal in the current language, with the reader's separators and the limits written their way. */
export function amountMessage(problem: AmountProblem, rules: AmountRules): string {
  const l = locale();
  const show = (n: number) => formatQuantity(n, rules.decimals, l).replace(/[.,]0+$/, "");
  const example = rules.decimals > 0 ? `1${SEPARATORS[l].group}234${SEPARATORS[l].decimal}5` : `1${SEPARATORS[l].group}234`;
  return tf(`number.${problem}`, {
    ...SEPARATORS[l],
    example,
    decimals: rules.decimals,
    min: rules.min === undefined ? "" : show(rules.min),
    max: rules.max === undefined ? "" : show(rules.max),
  });
}

/** A prefilled value, written as the reader writes numbers: 8628 pages → "8.628" in Vietnamese. */
export function amountInput(amount: number, decimals: number): string {
  return formatQuantity(amount, decimals, locale());
}
