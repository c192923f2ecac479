// One entry of the alert history (worker/routes/alert-history.ts) in words, and the filter's day bounds. Pure.
import type { HistoryEntry } from "../../../schema/api-alerts";
import type { AlertView } from "../../../schema/wire";
import { alertDetail, alertTitle, scopeLabel, type AlertContext } from "../components/alert-text";
import { formatDateTime, t, tf } from "../i18n";

/** A delivery names at most this many of the alerts it carried, then "+N". */
const CARRIED_SHOWN = 5;

const stateName = (s: string) => t(`alert.state.${s as AlertView["state"]}`);

/** Headline and detail of an entry; `ruleType` names the rule of a transition or action; a delivery names
 * the `focus` alert first among those it carried (the one alert's own timeline). */
export function historyText(e: HistoryEntry, ruleType: (ruleId: string) => AlertView["ruleType"], ctx: AlertContext, focus?: string): { head: string; detail: string } {
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
  const rule = e.ruleId === null ? "" : `${t(`alert.type.${ruleType(e.ruleId)}`)}: `;
  const result = e.error === null ? t("history.ok") : tf("history.failed", { error: e.error });
  // What the message carried, so a supervisor sees whether this alert (or which others) reached the channel.
  const scopes = focus && e.scopes.includes(focus) ? [focus, ...e.scopes.filter((s) => s !== focus)] : e.scopes;
  const carried = scopes.slice(0, CARRIED_SHOWN).map((s) => scopeLabel(s, ctx));
  if (e.scopes.length > CARRIED_SHOWN) carried.push(tf("list.more", { n: e.scopes.length - CARRIED_SHOWN }));
  const detail = [`${result}${e.attempt > 1 ? ` · #${e.attempt}` : ""}`, carried.length > 0 ? tf("history.carried", { list: carried.join("; ") }) : ""].filter(Boolean).join(" · ");
  return { head: `${rule}${tf("history.delivery", { name, type, n: e.alerts })}${kind}`, detail };
}

/** Epoch ms of a local day's start in the project's zone, for the filter (Viet Nam: no daylight saving). */
export function dayStartMs(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(utcMidnight);
  const p = (type: string) => Number(parts.find((x) => x.type === type)?.value ?? 0);
  const offset = Date.UTC(p("year"), p("month") - 1, p("day"), p("hour"), p("minute")) - utcMidnight;
  return utcMidnight - offset;
}
