// The alert feed's logic: grouping, order, the state a person reads, and "which alerts just fired". The
// alerts themselves arrive whole over the live feed (schema/wire.ts `alerts`, sent by worker/live/room.ts). Pure.
import { compareScopes, parseScope } from "../../../schema/alert-scope";
import { displayState, isSilenced, type DisplayState } from "../../../schema/alert-state";
import type { AlertView } from "../../../schema/wire";

export { parseScope };

export const alertKey = (a: Pick<AlertView, "ruleId" | "scope">): string => `${a.ruleId} ${a.scope}`;

export { displayState, firingCount, isSilenced, needsAction, type DisplayState } from "../../../schema/alert-state";

const RANK: Record<DisplayState, number> = { firing: 0, pending: 1, acknowledged: 2, silenced: 3, nodata: 4, resolved: 5, normal: 6 };

/** Active first (firing, then pending), then acknowledged, silenced, no data, resolved; fonds in natural order (2 before 10). */
export function sortAlerts(alerts: readonly AlertView[], now = Date.now()): AlertView[] {
  return [...alerts].sort((a, b) => RANK[displayState(a, now)] - RANK[displayState(b, now)] || compareScopes(a.scope, b.scope));
}


/**
 * What a supervisor may do with an alert. Acknowledging is for a firing alert no one has acknowledged:
 * a pending one is the rule still confirming its condition (its pending minutes), not a call for a
 * person, and reaching firing would clear the acknowledgement anyway (worker/alerts/store.ts).
 * Silencing is for any alert not over and not silenced; unsilencing for a silenced one.
 */
export function alertActions(a: Pick<AlertView, "state" | "ack" | "silence">, now = Date.now()): { acknowledge: boolean; silence: boolean; unsilence: boolean } {
  const open = a.state === "pending" || a.state === "firing" || a.state === "nodata";
  const silenced = isSilenced(a, now);
  return { acknowledge: a.state === "firing" && a.ack === null, silence: open && !silenced, unsilence: open && silenced };
}


/**
 * The alerts firing in `next` that were not firing in `prev` (or fired again since). `prev` null is the
 * first list after the page opened: what is already firing then is not news.
 */
export function newlyFiring(prev: readonly AlertView[] | null, next: readonly AlertView[], now = Date.now()): AlertView[] {
  if (prev === null) return [];
  const before = new Map(prev.filter((a) => a.state === "firing").map((a) => [alertKey(a), a.since]));
  // A silenced alert that fires is not announced: silencing it meant "stop telling me".
  return next.filter((a) => a.state === "firing" && !isSilenced(a, now) && before.get(alertKey(a)) !== a.since);
}

/** Alerts about one fonds or one station. */
export function alertsAbout(alerts: readonly AlertView[], about: { fonds?: string; station?: string }): AlertView[] {
  return alerts.filter((a) => {
    const s = parseScope(a.scope);
    return (about.fonds !== undefined && s.level === "fonds" && s.fonds === about.fonds) || (about.station !== undefined && s.level === "station" && s.station === about.station);
  });
}

export type CountedState = Exclude<DisplayState, "normal">;

/** How many of the listed alerts are in each state, in the order a heading names them; zero counts left out.
 * The heading's total is the list's length, so a count never disagrees with what is listed below it. */
export function stateCounts(alerts: readonly AlertView[], now = Date.now()): { state: CountedState; n: number }[] {
  return (["firing", "pending", "acknowledged", "silenced", "nodata", "resolved"] as const)
    .map((state) => ({ state, n: alerts.filter((a) => displayState(a, now) === state).length }))
    .filter((c) => c.n > 0);
}

export interface AlertGroup {
  ruleId: string;
  ruleType: AlertView["ruleType"];
  /** "fonds" when every alert is about a fonds ("12 phông"), "station", or "alert". */
  noun: "fonds" | "station" | "alert";
  /** How many fonds, stations or alerts the heading names: a fonds behind in three kinds is one fonds. */
  n: number;
  alerts: AlertView[];
  counts: { state: CountedState; n: number }[];
}

/**
 * One group per rule (the project is the feed's own), as a supervisor reads them: "Chậm tiến độ — 12
 * phông" that expands. Groups with something to act on first, then by their best state; alerts inside in
 * sortAlerts order.
 */
export function groupAlerts(alerts: readonly AlertView[], now = Date.now()): AlertGroup[] {
  const byRule = new Map<string, AlertView[]>();
  for (const a of alerts) byRule.set(a.ruleId, [...(byRule.get(a.ruleId) ?? []), a]);
  const groups = [...byRule.entries()].map(([ruleId, list]) => {
    const sorted = sortAlerts(list, now);
    const levels = new Set(sorted.map((a) => parseScope(a.scope).level));
    const noun = levels.size === 1 && levels.has("fonds") ? "fonds" : levels.size === 1 && levels.has("station") ? "station" : "alert";
    const n = noun === "fonds" ? new Set(sorted.map((a) => parseScope(a.scope)).map((s) => (s.level === "fonds" ? s.fonds : ""))).size : sorted.length;
    return { ruleId, ruleType: sorted[0]!.ruleType, noun, n, alerts: sorted, counts: stateCounts(sorted, now) } satisfies AlertGroup;
  });
  const best = (g: AlertGroup) => RANK[displayState(g.alerts[0]!, now)];
  return groups.sort((a, b) => best(a) - best(b) || a.ruleType.localeCompare(b.ruleType) || a.ruleId.localeCompare(b.ruleId));
}

/** The alerts of a list that an action applies to (bulk acknowledge, silence, unsilence). */
export function actionable(alerts: readonly AlertView[], action: "acknowledge" | "silence" | "unsilence", now = Date.now()): AlertView[] {
  return alerts.filter((a) => alertActions(a, now)[action]);
}
