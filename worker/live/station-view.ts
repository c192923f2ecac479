// What a station's entry page needs: the fonds it can post to, the kinds the plan has, and its own totals
// today. Restricted fonds are listed by code only: a station counts the work without the name travelling.
import { dayInZone } from "../../schema/time";
import type { FondsTotal } from "../../schema/wire";
import type { ProjectPlan } from "./plan";

export interface StationView {
  station: { id: string; name: string };
  fonds: { code: string; name: string | null; restricted: boolean }[];
  /** The kinds the project has a plan for, the only ones a station may post. */
  kinds: string[];
  day: string;
  today: FondsTotal[];
}

export function stationViewOf(plan: ProjectPlan, kinds: ReadonlySet<string>, stationId: string, totalsOn: (day: string) => FondsTotal[], now: number): StationView | null {
  const station = plan.stations.find((s) => s.id === stationId);
  if (!station) return null;
  const day = dayInZone(now, plan.project.timeZone);
  const fonds = plan.fonds.map((f) => ({ code: f.code, name: f.restricted ? null : f.name, restricted: f.restricted }));
  return { station, fonds, kinds: [...kinds], day, today: totalsOn(day) };
}
