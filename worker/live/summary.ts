// A project's headline figures per work kind, for the province overview (leadership), with what a
// leader must see at a glance across many units (seeds 003, 004): not started, stations gone silent. Pure.
import { silentStationIds } from "../../schema/alert-scope";
import { notStarted } from "../../schema/status";
import type { AlertView, Snapshot } from "../../schema/wire";

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
  /** Stations the project's silent-station rule says are silent now (schema/alert-scope.ts). */
  silentStations: number;
}

export function summarize(snap: Snapshot, alerts: readonly AlertView[]): ProjectSummary {
  const kinds: Record<string, KindSummary> = {};
  const entry = (kind: string) => (kinds[kind] ??= { actual: 0, approved: 0, funded: 0 });
  for (const f of snap.fonds) {
    for (const [kind, amount] of Object.entries(f.approved)) entry(kind).approved += amount;
    for (const [kind, amount] of Object.entries(f.funded)) entry(kind).funded += amount;
  }
  for (const t of snap.totals) entry(t.kind).actual += t.amount;
  const silent = silentStationIds(alerts);
  return {
    projectId: snap.project.id,
    name: snap.project.name,
    seq: snap.seq,
    lastActivityAt: snap.lastActivityAt,
    kinds,
    notStarted: notStarted(snap.seq),
    stations: snap.stations.length,
    silentStations: snap.stations.filter((s) => silent.has(s.id)).length,
  };
}
