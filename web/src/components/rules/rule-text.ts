// A rule in words for the rules page: what it watches and its threshold (schema/api.ts AlertRuleSchema:
// a tolerance fraction for behind/under plan, minutes of working time for a silent station).
import { formatPercent, formatQuantity } from "../../../../schema/numbers";
import { kindName, locale, t } from "../../i18n";
import type { AmountRules } from "../../number-input";
import type { AlertRule } from "../../store/rules";

export interface RuleNames {
  fondsName(code: string): string;
  stationName(id: string): string;
}

export function ruleScopeText(r: Pick<AlertRule, "type" | "fonds" | "kind" | "station">, names: RuleNames): string {
  if (r.type === "silent_station") return r.station ? names.stationName(r.station) : t("rules.allStations");
  // null: the project as a whole (behind schedule) or every fonds (under plan); "*": every fonds, one alert each.
  const fonds = r.fonds === null ? (r.type === "behind_schedule" ? t("rules.wholeProject") : t("rules.eachFonds")) : r.fonds === "*" ? t("rules.eachFonds") : names.fondsName(r.fonds);
  return `${fonds} · ${r.kind ? kindName(r.kind) : t("rules.allKinds")}`;
}

export function thresholdText(r: Pick<AlertRule, "type" | "threshold">): string {
  return r.type === "silent_station" ? `${formatQuantity(Math.round(r.threshold), 0, locale())} ${t("rules.minutes")}` : formatPercent(r.threshold, locale());
}

/** The threshold field: a percentage with one decimal ("2,5" %), 0 to 90, for behind/under plan; whole
 * minutes, at least 1, for a silent station. Read by web/src/number-input.ts in base units. */
export function thresholdRules(type: AlertRule["type"]): AmountRules {
  return type === "silent_station" ? { decimals: 0, min: 1 } : { decimals: 1, max: 900 };
}

/** The read threshold as the API takes it: 25 (2,5 %) → 0.025; minutes as they are. */
export function thresholdValue(type: AlertRule["type"], read: number): number {
  return type === "silent_station" ? read : read / 1000;
}

/** The threshold as the form shows it, the reader's way: the inverse of thresholdRules/thresholdValue. */
export function thresholdInput(r: Pick<AlertRule, "type" | "threshold">): string {
  if (r.type === "silent_station") return formatQuantity(Math.round(r.threshold), 0, locale());
  return formatQuantity(Math.round(r.threshold * 1000), 1, locale()).replace(/[.,]0$/, "");
}

/** How long a condition must hold before it fires: whole minutes, empty for none, at most 7 days. */
export const PENDING_RULES: AmountRules = { decimals: 0, empty: 0, max: 7 * 24 * 60 };
