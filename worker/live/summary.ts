// A project's headline figures per work kind, for the province overview (leadership), with what a
// leader must see at a glance across many units (seeds 003, 004): not started, stations gone silent. Pure.
import type { WorkCalendar } from "../../schema/calendar";
import type { Snapshot } from "../../schema/wire";
import { workingMinutesBetween, type WorkingHours } from "../alerts/working-time";

/** A station that has not posted for this long in working time is silent (the starter silent-station rule's default). */
export const SILENT_AFTER_WORKING_MINUTES = 60;

export interface KindSummary {
  actual: number;
  approved: number;
  funded: number;
}

export interface ProjectSummary {
  projectId: string;
  name: string;
  seq: number;
  lastActivityAt: number | null;
  kinds: Record<string, KindSummary>;
  /** No counter yet that this viewer can see (seed 003: "chưa triển khai"). */
  notStarted: boolean;
  stations: number;
  /** Stations with no post for SILENT_AFTER_WORKING_MINUTES of working time, or none ever. */
  silentStations: number;
}

export interface WorkingTime {
  now: number;
  cal: WorkCalendar;
  hours: WorkingHours;
  timeZone: string;
}

export function silentStations(snap: Pick<Snapshot, "stations" | "stationsSeen">, t: WorkingTime): number {
  const last = new Map(snap.stationsSeen.map((s) => [s.station, s.lastPostAt]));
  return snap.stations.filter((s) => {
    const at = last.get(s.id);
    return at === undefined || workingMinutesBetween(at, t.now, t.cal, t.hours, t.timeZone) >= SILENT_AFTER_WORKING_MINUTES;
  }).length;
}

export function summarize(snap: Snapshot, t: WorkingTime): ProjectSummary {
  const kinds: Record<string, KindSummary> = {};
  const entry = (kind: string) => (kinds[kind] ??= { actual: 0, approved: 0, funded: 0 });
  for (const f of snap.fonds) {
    for (const [kind, amount] of Object.entries(f.approved)) entry(kind).approved += amount;
    for (const [kind, amount] of Object.entries(f.funded)) entry(kind).funded += amount;
  }
  for (const t of snap.totals) entry(t.kind).actual += t.amount;
  return {
    projectId: snap.project.id,
    name: snap.project.name,
    seq: snap.seq,
    lastActivityAt: snap.lastActivityAt,
    kinds,
    notStarted: snap.seq === 0,
    stations: snap.stations.length,
    silentStations: silentStations(snap, t),
  };
}
