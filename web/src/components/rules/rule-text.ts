// A rule in words for the rules page: what it watches and its threshold (schema/api.ts AlertRuleSchema:
// a tolerance fraction for behind/under plan, minutes of working time for a silent station).
import { formatPercent, formatQuantity, parseQuantity } from "../../../../schema/numbers";
import { kindName, locale, t } from "../../i18n";
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

/** The threshold as typed in the form: "5" or "2,5" percent → 0.05 / 0.025; whole minutes for a silent station. */
export function parseThreshold(type: AlertRule["type"], text: string): number | null {
  if (type === "silent_station") {
    const p = parseQuantity(text, 0, locale());
    return p.ok && p.value >= 1 ? p.value : null;
  }
  const p = parseQuantity(text, 1, locale());
  return p.ok && p.value <= 900 ? p.value / 1000 : null;
}

/** The threshold as the form shows it: the inverse of parseThreshold. */
export function thresholdInput(r: Pick<AlertRule, "type" | "threshold">): string {
  if (r.type === "silent_station") return String(Math.round(r.threshold));
  return formatQuantity(Math.round(r.threshold * 1000), 1, locale()).replace(/[.,]0$/, "");
}

export function parseMinutes(text: string): number | null {
  if (text.trim() === "") return 0;
  const p = parseQuantity(text, 0, locale());
  return p.ok && p.value <= 7 * 24 * 60 ? p.value : null;
}
