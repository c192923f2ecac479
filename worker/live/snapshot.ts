// Builds the `snapshot` message (schema/wire.ts) from the store for one audience.
import { WORK_KINDS } from "../../schema/kinds";
import { dayInZone } from "../../schema/time";
import { STATION_DAYS_IN_SNAPSHOT, type Snapshot } from "../../schema/wire";
import { wireCalendar, type ProjectPlan } from "./plan";
import type { LiveStore } from "./store";
import { visibleFonds, type Audience } from "./visibility";

/** The snapshot's kinds, in the order compact frames index them (worker/live/fanout.ts). */
export const SNAPSHOT_KINDS = WORK_KINDS.map((k) => ({ key: k.key, decimals: k.decimals, unit: k.unit }));

export function buildSnapshot(store: LiveStore, plan: ProjectPlan, audience: Audience, now: number): Snapshot {
  const hidden = [...audience.hidden];
  const fromDay = dayInZone(now - STATION_DAYS_IN_SNAPSHOT * 86_400_000, plan.project.timeZone);
  // An audience that may not see some fonds holds the seq of the last event it can see, so neither the
  // seq nor the activity time moves when only a hidden fonds is worked on.
  const last = store.lastVisible(hidden, store.seq);
  return {
    type: "snapshot",
    seq: last.seq,
    project: plan.project,
    kinds: SNAPSHOT_KINDS,
    fonds: visibleFonds(plan.fonds, audience),
    stations: plan.stations,
    calendar: wireCalendar(plan),
    totals: store.fondsTotals(hidden),
    stationDays: store.stationDays(fromDay, hidden),
    days: store.days(hidden),
    lastActivityAt: last.at,
    stationsSeen: store.stationsSeen(),
    at: now,
  };
}
