// One project as its views see it: the shared live feed (store/feeds.ts), which brings the plan with its
// period targets and the working calendar, and the clock, turned into the figures of live/figures.ts.
// Memos sit on the parts of the state that keep their identity across deltas (live/apply.ts), so a delta
// recomputes totals, not plan-only figures.
import { createMemo } from "solid-js";
import { formatQuantity } from "../../../schema/numbers";
import { dayInZone, PROJECT_TIME_ZONE } from "../../../schema/time";
import { locale } from "../i18n";
import { dailyByKind, fondsRows, overallStatus, projectKinds, type Period } from "../live/figures";
import { sortFonds } from "../live/fonds-list";
import { decimalsOf } from "../live/selectors";
import type { AlertContext } from "../components/alert-text";
import { roleOnProject } from "../roles";
import { useApp } from "./context";

const samePeriod = (a: Period | null, b: Period | null) =>
  a === b || (a !== null && b !== null && a.today === b.today && a.cal === b.cal && a.periodStart === b.periodStart && a.periodEnd === b.periodEnd);

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Call from a component: the feed stays open while it is mounted (and a little after). */
export function useProject(projectId: string) {
  const app = useApp();
  const live = app.feeds.use(projectId);
  const state = live.state;
  // Replaced only by a snapshot or a plan message (live/apply.ts), so a delta leaves the period alone.
  const calendar = createMemo(() => state().calendar);
  const project = createMemo(() => state().project);
  const timeZone = () => project()?.timeZone ?? PROJECT_TIME_ZONE;
  const today = createMemo(() => dayInZone(app.clock(), timeZone()));
  const period = createMemo<Period | null>(
    () => {
      const p = project();
      return p ? { periodStart: p.periodStart, periodEnd: p.periodEnd, today: today(), cal: calendar() } : null;
    },
    null,
    { equals: samePeriod },
  );
  const fonds = createMemo(() => state().fonds);
  const fondsTotals = createMemo(() => state().fondsTotals);
  const days = createMemo(() => state().days);
  const daily = createMemo(() => dailyByKind(days()));
  const loaded = () => state().seq !== null;
  const kinds = createMemo(() => {
    const p = period();
    return p && loaded() ? projectKinds({ fonds: fonds(), fondsTotals: fondsTotals(), days: days() }, p, daily()) : [];
  });
  const kindKeys = createMemo(() => kinds().map((k) => k.kind), [], { equals: sameList });
  const rows = createMemo(() => {
    const p = period();
    return p && loaded() ? fondsRows({ fonds: fonds(), fondsTotals: fondsTotals() }, kindKeys(), p) : [];
  });
  const role = createMemo(() => {
    const me = app.session.me();
    const p = project();
    return me && p ? roleOnProject(me.memberships, p.provinceId, p.id) : null;
  });

  const alertContext: AlertContext = {
    fondsName: (code) => {
      const f = fonds().find((x) => x.code === code);
      return f ? `${f.code} ${f.name}` : code;
    },
    stationName: (id) => state().stations.find((s) => s.id === id)?.name ?? id.slice(0, 8),
    quantity: (kind, amount) => formatQuantity(Math.round(amount), decimalsOf(state().kinds, kind), locale()),
    get timeZone() {
      return timeZone();
    },
  };

  return {
    projectId,
    alertContext,
    live,
    state,
    project,
    loaded,
    timeZone,
    today,
    period,
    daily,
    kinds,
    kindKeys,
    rows,
    status: createMemo(() => overallStatus(kinds())),
    /** Fonds behind, the furthest behind first: every list and count of them reads this one. */
    behind: createMemo(() => sortFonds(rows().filter((r) => r.status === "behind"), "status", "asc")),
    alerts: () => state().alerts ?? [],
    role,
    quantity: alertContext.quantity,
  };
}

export type ProjectModel = ReturnType<typeof useProject>;
