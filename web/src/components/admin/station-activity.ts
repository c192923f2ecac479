// What the stations page says of each station's activity, from the live state the project page already
// has (web/src/live/apply.ts): the last day it posted (the snapshot brings the last 62 days) and whether
// its silent-station alert is firing. Pure.
import type { AlertView } from "../../../../schema/wire";
import { splitKey } from "../../live/apply";

/** station id → the last day with output, "yyyy-mm-dd". */
export function lastPostDays(stationDays: ReadonlyMap<string, number>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, amount] of stationDays) {
    if (amount <= 0) continue;
    const [station, , day] = splitKey(key);
    if (!station || !day) continue;
    const seen = out.get(station);
    if (seen === undefined || day > seen) out.set(station, day);
  }
  return out;
}

/** Stations whose silent-station alert fires now (worker/alerts/evaluate.ts, scope "station/<id>"). */
export function silentStations(alerts: readonly AlertView[]): Set<string> {
  return new Set(alerts.filter((a) => a.ruleType === "silent_station" && a.state === "firing" && a.scope.startsWith("station/")).map((a) => a.scope.slice("station/".length)));
}

/** What the scan PC's QR code carries: everything the station needs to post, as one JSON text. */
export function stationSetupText(server: string, projectId: string, token: string): string {
  return JSON.stringify({ server, project: projectId, token });
}
