// The state of an alert as a person reads it, and which alerts need someone to act: the same for the
// dashboard's lists and counts (web/src/live/alerts.ts) and the province and national summaries the
// server makes (schema/province-summary.ts). Pure.
import type { AlertView } from "./wire";

/** What a person reads: silenced and acknowledged are their own states, never counted as active. */
export type DisplayState = "firing" | "acknowledged" | "silenced" | "pending" | "nodata" | "resolved" | "normal";

export const isSilenced = (a: Pick<AlertView, "silence">, now: number): boolean => a.silence !== null && a.silence.until > now;

export function displayState(a: AlertView, now: number): DisplayState {
  if (a.state === "resolved" || a.state === "normal") return a.state;
  if (isSilenced(a, now)) return "silenced";
  if (a.state === "firing" && a.ack !== null) return "acknowledged";
  return a.state;
}

/** Firing, not acknowledged and not silenced at `now`: the alerts someone should act on. */
export function needsAction(a: AlertView, now: number): boolean {
  return displayState(a, now) === "firing";
}

export function firingCount(alerts: readonly AlertView[] | null, now = Date.now()): number {
  return alerts?.filter((a) => needsAction(a, now)).length ?? 0;
}
