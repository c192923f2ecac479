// Per-station throughput (today, this week) and output per day, from the station × kind × day totals
// of the live state (the snapshot brings the last 62 days; deltas add to them). Pure.
import { addDays, weekday } from "../../../schema/calendar";
import type { StationInfo } from "../../../schema/wire";
import { splitKey, stationDayKey } from "./apply";

/** The Monday of `day`'s week: the working week runs Monday to Friday (DOMAIN.md). */
export function weekStart(day: string): string {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/** The `n` calendar days ending with `today`, oldest first. */
export function lastDays(today: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addDays(today, i - n + 1));
}

/** The project's stations, then any station seen only in the totals (revoked since), by id. */
export function knownStations(stations: readonly StationInfo[], stationDays: ReadonlyMap<string, number>): StationInfo[] {
  const out = [...stations];
  const seen = new Set(stations.map((s) => s.id));
  for (const key of stationDays.keys()) {
    const id = splitKey(key)[0] ?? "";
    if (!seen.has(id)) {
      seen.add(id);
      out.push({ id, name: id.slice(0, 8) });
    }
  }
  return out;
}

export interface StationThroughput {
  station: StationInfo;
  /** kind → amount today / since Monday. */
  today: Map<string, number>;
  week: Map<string, number>;
}

export function stationThroughput(
  stations: readonly StationInfo[],
  stationDays: ReadonlyMap<string, number>,
  kinds: readonly string[],
  today: string,
): StationThroughput[] {
  const monday = weekStart(today);
  const week = lastDays(today, Math.round((Date.parse(today) - Date.parse(monday)) / 86_400_000) + 1);
  return stations.map((station) => {
    const t = new Map<string, number>();
    const w = new Map<string, number>();
    for (const kind of kinds) {
      t.set(kind, stationDays.get(stationDayKey(station.id, kind, today)) ?? 0);
      w.set(kind, week.reduce((sum, day) => sum + (stationDays.get(stationDayKey(station.id, kind, day)) ?? 0), 0));
    }
    return { station, today: t, week: w };
  });
}

/** station id → its amount of `kind` on each of `days`. */
export function stationSeries(
  stations: readonly StationInfo[],
  stationDays: ReadonlyMap<string, number>,
  kind: string,
  days: readonly string[],
): Map<string, number[]> {
  return new Map(stations.map((s) => [s.id, days.map((day) => stationDays.get(stationDayKey(s.id, kind, day)) ?? 0)]));
}
