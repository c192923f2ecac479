// The alert feed's logic: order, scope and "which alerts just fired". The alerts themselves arrive whole
// over the live feed (schema/wire.ts `alerts`, sent by worker/live/room.ts). Pure.
import { parseScope } from "../../../schema/alert-scope";
import type { AlertView } from "../../../schema/wire";

export { parseScope };

export const alertKey = (a: Pick<AlertView, "ruleId" | "scope">): string => `${a.ruleId} ${a.scope}`;

const STATE_RANK: Record<AlertView["state"], number> = { firing: 0, pending: 1, resolved: 2, normal: 3 };

/** Firing first, unacknowledged before acknowledged, then the newest. */
export function sortAlerts(alerts: readonly AlertView[]): AlertView[] {
  return [...alerts].sort(
    (a, b) => STATE_RANK[a.state] - STATE_RANK[b.state] || Number(a.ack !== null) - Number(b.ack !== null) || b.since - a.since,
  );
}

/** Firing, not acknowledged and not silenced at `now`: the alerts someone should act on. */
export function needsAction(a: AlertView, now: number): boolean {
  return a.state === "firing" && a.ack === null && !(a.silencedUntil !== null && a.silencedUntil > now);
}

/**
 * What a supervisor may do with an alert. Acknowledging is for a firing alert no one has acknowledged:
 * a pending one is the rule still confirming its condition (its pending minutes), not a call for a
 * person, and reaching firing would clear the acknowledgement anyway (worker/alerts/store.ts).
 * Silencing is for any alert not over.
 */
export function alertActions(a: Pick<AlertView, "state" | "ack">): { acknowledge: boolean; silence: boolean } {
  const open = a.state === "pending" || a.state === "firing";
  return { acknowledge: a.state === "firing" && a.ack === null, silence: open };
}

export function firingCount(alerts: readonly AlertView[] | null): number {
  return alerts?.filter((a) => a.state === "firing").length ?? 0;
}

/**
 * The alerts firing in `next` that were not firing in `prev` (or fired again since). `prev` null is the
 * first list after the page opened: what is already firing then is not news.
 */
export function newlyFiring(prev: readonly AlertView[] | null, next: readonly AlertView[]): AlertView[] {
  if (prev === null) return [];
  const before = new Map(prev.filter((a) => a.state === "firing").map((a) => [alertKey(a), a.since]));
  return next.filter((a) => a.state === "firing" && before.get(alertKey(a)) !== a.since);
}

/** Alerts about one fonds or one station. */
export function alertsAbout(alerts: readonly AlertView[], about: { fonds?: string; station?: string }): AlertView[] {
  return alerts.filter((a) => {
    const s = parseScope(a.scope);
    return (about.fonds !== undefined && s.level === "fonds" && s.fonds === about.fonds) || (about.station !== undefined && s.level === "station" && s.station === about.station);
  });
}

/** How many of the listed alerts are in each state, in the order a heading names them; zero counts left out.
 * The heading's total is the list's length, so a count never disagrees with what is listed below it. */
export function stateCounts(alerts: readonly AlertView[]): { state: "firing" | "pending" | "resolved"; n: number }[] {
  return (["firing", "pending", "resolved"] as const)
    .map((state) => ({ state, n: alerts.filter((a) => a.state === state).length }))
    .filter((c) => c.n > 0);
}
