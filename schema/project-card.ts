// One project as the province overview shows it: its figures per kind, status, the fonds furthest
// behind, the alerts firing and what they name. The project's Durable Object computes it from the
// snapshot an audience may see (worker/live/province-push.ts) and the province's Durable Object hands
// it to every overview watching (worker/province/room.ts), so a leader needs one socket per province,
// not one per project. The figures are schema/project-figures.ts's, as on the project page. Pure.
import { parseScope } from "./alert-scope";
import { dayKey, fondsKindKey } from "./cell-keys";
import { sortFonds } from "./fonds-list";
import type { WorkCalendar } from "./calendar";
import { fondsRows, overallStatus, projectKinds, type KindFigures, type Period, type PlanState } from "./project-figures";
import type { Status } from "./status";
import { dayInZone } from "./time";
import type { AlertView, KindInfo, ProjectInfo, Snapshot, StationInfo } from "./wire";

/** The card lists this many fonds behind by name, then "+N". */
export const BEHIND_LISTED = 3;

/** What a card shows of a kind (the overview's KindRow): a third of the project page's figures, which
 * matters when a province's watchers get 50 cards twice a second. */
export type CardKind = Pick<KindFigures, "kind" | "actual" | "target" | "planToDate" | "done" | "expected" | "status" | "forecastDay" | "forecastLate">;

const cardKind = (k: KindFigures): CardKind => ({
  kind: k.kind,
  actual: k.actual,
  target: k.target,
  planToDate: k.planToDate,
  done: k.done,
  expected: k.expected,
  status: k.status,
  forecastDay: k.forecastDay,
  forecastLate: k.forecastLate,
});

export interface ProjectCard {
  projectId: string;
  provinceId: string;
  name: string;
  timeZone: string;
  /** The project feed's seq these figures include, as the audience sees it. */
  seq: number;
  /** Today on the project's clock when the figures were made (plan-to-date moves with it). */
  day: string;
  lastActivityAt: number | null;
  status: Status | null;
  /** kind → its figures, in the kinds' order (schema/kinds.ts): keyed, so a patch (schema/patch.ts)
   * carries only the figures of a kind that moved. */
  kinds: Record<string, CardKind>;
  /** Kinds' units (decimals), to write the amounts. */
  kindInfo: KindInfo[];
  /** The fonds furthest behind first, the first BEHIND_LISTED of them; `behindCount` counts them all. */
  behind: { code: string; name: string }[];
  behindCount: number;
  /** Alerts firing, acknowledged and silenced ones included: the reader's clock decides which still need
   * action (a silence ends on its own), as on the project page. */
  alerts: AlertView[];
  /** What those alerts name: fonds code → name, station id → name. */
  names: { fonds: Record<string, string>; stations: Record<string, string> };
}

/** What a card is made of: a snapshot's parts with its totals indexed (schema/cell-keys.ts), which the
 * dashboard's live state of a project also has. */
export interface CardInput extends PlanState {
  seq: number;
  project: ProjectInfo;
  kinds: readonly KindInfo[];
  stations: readonly StationInfo[];
  calendar: WorkCalendar;
  lastActivityAt: number | null;
}

export function cardInputOf(snap: Snapshot): CardInput {
  const fondsTotals = new Map<string, number>();
  for (const t of snap.totals) fondsTotals.set(fondsKindKey(t.fonds, t.kind), (fondsTotals.get(fondsKindKey(t.fonds, t.kind)) ?? 0) + t.amount);
  const days = new Map<string, number>();
  for (const d of snap.days) days.set(dayKey(d.kind, d.day), (days.get(dayKey(d.kind, d.day)) ?? 0) + d.amount);
  return { ...snap, fondsTotals, days };
}

/** `input` and `alerts` as one audience may see them (worker/live/visibility.ts); `now` sets today. */
export function projectCard(input: CardInput, alerts: readonly AlertView[], now: number): ProjectCard {
  const { project } = input;
  const day = dayInZone(now, project.timeZone);
  const period: Period = { periodStart: project.periodStart, periodEnd: project.periodEnd, today: day, cal: input.calendar };
  const kinds = projectKinds(input, period);
  const behind = sortFonds(
    fondsRows(input, kinds.map((k) => k.kind), period).filter((r) => r.status === "behind"),
    "status",
    "asc",
  );
  const firing = alerts.filter((a) => a.state === "firing");
  const scopes = firing.map((a) => parseScope(a.scope));
  const namedFonds = new Set(scopes.flatMap((s) => (s.level === "fonds" ? [s.fonds] : [])));
  const namedStations = new Set(scopes.flatMap((s) => (s.level === "station" ? [s.station] : [])));
  return {
    projectId: project.id,
    provinceId: project.provinceId,
    name: project.name,
    timeZone: project.timeZone,
    seq: input.seq,
    day,
    lastActivityAt: input.lastActivityAt,
    status: overallStatus(kinds),
    kinds: Object.fromEntries(kinds.map((k) => [k.kind, cardKind(k)])),
    kindInfo: [...input.kinds],
    behind: behind.slice(0, BEHIND_LISTED).map((r) => ({ code: r.fonds.code, name: r.fonds.name })),
    behindCount: behind.length,
    alerts: firing,
    names: {
      fonds: Object.fromEntries(input.fonds.filter((f) => namedFonds.has(f.code)).map((f) => [f.code, f.name])),
      stations: Object.fromEntries(input.stations.filter((s) => namedStations.has(s.id)).map((s) => [s.id, s.name])),
    },
  };
}
