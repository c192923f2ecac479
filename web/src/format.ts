// Small formatting helpers the views share; numbers by schema/numbers.ts, words by i18n.ts.
import { formatPercent, formatProgressPercent } from "../../schema/numbers";
import { formatDay, locale, t, tf } from "./i18n";
import type { KindProgress } from "./live/figures";

export type Quantity = (kind: string, amount: number) => string;

/** Any ratio (plan-to-date share, …); for a share done use `done`. */
export const percent = (ratio: number): string => formatPercent(ratio, locale());

/** How much of the target is done: never 100 % until the status says done (schema/numbers.ts). */
export const done = (p: Pick<KindProgress, "done" | "status">): string => formatProgressPercent(p.done, p.status === "done", locale());

/** "+1.234" / "−1.234": ahead of or behind the plan. */
export function signed(quantity: Quantity, kind: string, amount: number): string {
  const rounded = Math.round(amount);
  return `${rounded < 0 ? "\u2212" : "+"}${quantity(kind, Math.abs(rounded))}`;
}

/** What a progress bar says to a screen reader: done and where the plan is today. */
export function barText(p: Pick<KindProgress, "kind" | "actual" | "target" | "planToDate" | "done" | "status">, quantity: Quantity): string {
  return tf("progress.barText", {
    actual: quantity(p.kind, p.actual),
    target: quantity(p.kind, p.target),
    percent: done(p),
    planToDate: quantity(p.kind, p.planToDate),
  });
}

/** The finish: "Hoàn thành" once done (a finished item has nothing to forecast), else the forecast day. */
export function forecastText(p: Pick<KindProgress, "status" | "forecastDay">): string {
  if (p.status === "done") return t("progress.done");
  return p.forecastDay ? formatDay(p.forecastDay) : t("progress.noForecast");
}
