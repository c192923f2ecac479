// Small formatting helpers the views share; numbers by schema/numbers.ts, words by i18n.ts.
import { formatPercent } from "../../schema/numbers";
import { formatDay, locale, t, tf } from "./i18n";
import type { KindProgress } from "./live/figures";

export type Quantity = (kind: string, amount: number) => string;

export const percent = (ratio: number): string => formatPercent(ratio, locale());

/** "+1.234" / "−1.234": ahead of or behind the plan. */
export function signed(quantity: Quantity, kind: string, amount: number): string {
  const rounded = Math.round(amount);
  return `${rounded < 0 ? "\u2212" : "+"}${quantity(kind, Math.abs(rounded))}`;
}

/** What a progress bar says to a screen reader: done and where the plan is today. */
export function barText(p: KindProgress, quantity: Quantity): string {
  return tf("progress.barText", {
    actual: quantity(p.kind, p.actual),
    target: quantity(p.kind, p.target),
    percent: percent(p.done),
    planToDate: quantity(p.kind, p.planToDate),
  });
}

export function forecastText(day: string | null): string {
  return day ? formatDay(day) : t("progress.noForecast");
}
