// An alert in words: which rule, about what, and the figures that made it fire (worker/alerts/evaluate.ts
// puts them in `values`, amounts in the kind's smallest unit).
import type { AlertView } from "../../../schema/wire";
import { formatDateTime, kindName, t, tf } from "../i18n";
import { parseScope } from "../live/alerts";
import { NO_DATA_SCOPE } from "../../../schema/alert-scope";
import { signed, type Quantity } from "../format";

export interface AlertContext {
  fondsName(code: string): string;
  stationName(id: string): string;
  quantity: Quantity;
  timeZone: string;
}

const num = (v: AlertView["values"], key: string): number => {
  const x = v[key];
  return typeof x === "number" && Number.isFinite(x) ? x : 0;
};

export function alertTitle(a: AlertView, ctx: AlertContext): string {
  return `${t(`alert.type.${a.ruleType}`)} · ${scopeLabel(a.scope, ctx)}`;
}

/** What an alert is about, without its rule: "Phòng Tư pháp huyện Can Lộc · Trang A4", a station's name. */
export function scopeLabel(scope: string, ctx: AlertContext): string {
  const s = parseScope(scope);
  switch (s.level) {
    case "project":
      // "project/*": the rule's no-data instance, about every kind at once (worker/alerts/evaluate.ts).
      return s.kind === "*" ? t("alert.wholeProjectAll") : tf("alert.wholeProject", { kind: kindName(s.kind) });
    case "fonds":
      return `${ctx.fondsName(s.fonds)} · ${kindName(s.kind)}`;
    case "station":
      return ctx.stationName(s.station);
    case "other":
      return s.text;
  }
}

export function alertDetail(a: AlertView, ctx: AlertContext): string {
  const v = a.values;
  const kind = typeof v.kind === "string" ? v.kind : "";
  const q = (key: string) => ctx.quantity(kind, num(v, key));
  // The server leaves out figures summed over fonds this viewer may not see.
  if (v.redacted === "restricted") return t("alert.redactedDetail");
  if (a.scope === NO_DATA_SCOPE) return tf("alert.noDataDetail", { days: num(v, "workingDays"), grace: num(v, "graceDays") });
  switch (a.ruleType) {
    case "behind_schedule": {
      const detail = tf("alert.behindDetail", { actual: q("actual"), planToDate: q("planToDate"), variance: signed(ctx.quantity, kind, num(v, "variance")) });
      // Project-wide: behind because some fonds are, even when the sum is ahead (schema/status.ts).
      return parseScope(a.scope).level === "project" && num(v, "behindFonds") > 0 ? `${detail}; ${tf("alert.behindFonds", { n: num(v, "behindFonds") })}` : detail;
    }
    case "under_plan":
      return tf("alert.underDetail", { projected: q("projected"), target: q("target"), shortfall: q("shortfall") });
    case "silent_station":
      return tf("alert.silentDetail", {
        minutes: num(v, "silentMinutes"),
        last: typeof v.lastPostAt === "number" ? formatDateTime(v.lastPostAt, ctx.timeZone) : "—",
      });
  }
}
