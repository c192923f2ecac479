// One entry of the alert history (worker/routes/alert-history.ts) in words, and the filter's day bounds. Pure.
import type { AlertView } from "../../../schema/wire";
import { alertDetail, alertTitle, type AlertContext } from "../components/alert-text";
import { formatDateTime, t, tf } from "../i18n";

export type HistoryEntry =
  | { type: "transition"; at: number; ruleId: string; scope: string; from: string; to: string; values: Record<string, unknown> }
  | { type: "action"; at: number; ruleId: string; scope: string; action: "ack" | "silence" | "unsilence"; by: string; comment: string; until: number | null }
  | { type: "delivery"; at: number; ruleId: string | null; contactPoint: { id: string; name: string; type: string } | null; kind: string; alerts: number; attempt: number; status: number | null; error: string | null };

const stateName = (s: string) => t(`alert.state.${s as AlertView["state"]}`);

/** Headline and detail of an entry; `ruleType` names the rule of a transition or action. */
export function historyText(e: HistoryEntry, ruleType: (ruleId: string) => AlertView["ruleType"], ctx: AlertContext): { head: string; detail: string } {
  if (e.type === "transition") {
    const view: AlertView = { ruleId: e.ruleId, ruleType: ruleType(e.ruleId), scope: e.scope, state: e.to as AlertView["state"], since: e.at, values: e.values as AlertView["values"], ack: null, silence: null, clearedAt: null, keepFiringMinutes: 0 };
    return { head: `${alertTitle(view, ctx)}: ${tf("history.transition", { from: stateName(e.from), to: stateName(e.to) })}`, detail: alertDetail(view, ctx) };
  }
  if (e.type === "action") {
    const view = { ruleId: e.ruleId, ruleType: ruleType(e.ruleId), scope: e.scope } as AlertView;
    const what = e.action === "silence" ? tf("history.silence", { by: e.by, until: formatDateTime(e.until ?? 0, ctx.timeZone) }) : tf(`history.${e.action}`, { by: e.by });
    return { head: `${alertTitle(view, ctx)}: ${what}`, detail: e.comment ? `“${e.comment}”` : "" };
  }
  const name = e.contactPoint?.name ?? t("history.removedPoint");
  const type = e.contactPoint ? t(`contact.type.${e.contactPoint.type as "webhook"}`) : "";
  const kind = e.kind === "repeat" || e.kind === "test" ? ` (${t(`history.deliveryKind.${e.kind}`)})` : "";
  const result = e.error === null ? t("history.ok") : tf("history.failed", { error: e.error });
  return { head: `${tf("history.delivery", { name, type, n: e.alerts })}${kind}`, detail: `${result}${e.attempt > 1 ? ` · #${e.attempt}` : ""}` };
}

/** Epoch ms of a local day's start in the project's zone, for the filter (Viet Nam: no daylight saving). */
export function dayStartMs(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(utcMidnight);
  const p = (type: string) => Number(parts.find((x) => x.type === type)?.value ?? 0);
  const offset = Date.UTC(p("year"), p("month") - 1, p("day"), p("hour"), p("minute")) - utcMidnight;
  return utcMidnight - offset;
}
