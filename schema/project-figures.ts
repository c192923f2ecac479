// Progress against plan, per kind of work for a project and per fonds: the figures leadership asks for
// ("are we on plan, which fonds are behind, when will we finish"). Every figure comes from
// schema/plan-progress.ts with the plan the server sends (period targets in FondsPlan.periods, the
// project's calendar), so the overview, the project page, the wall, the province feed's cards
// (schema/project-card.ts), the alert rules (worker/alerts/evaluate.ts) and the reports
// (schema/reports/table.ts) say the same. Pure.
import { sortKinds } from "./kinds";
import { splitKey, fondsKindKey } from "./cell-keys";
import { planProgress, type PlanItem, type PlanProgress, type PlanWindow } from "./plan-progress";
import { worstStatus, type Status } from "./status";
import { targetOf, type FondsPlan } from "./wire";

/** The project's period, today on its clock and its working calendar. */
export type Period = PlanWindow;

/** What the figures read of a project's live totals (the dashboard's LiveState has these and more). */
export interface PlanState {
  fonds: readonly FondsPlan[];
  /** fonds × kind → amount (schema/cell-keys.ts fondsKindKey), all time. */
  fondsTotals: ReadonlyMap<string, number>;
  /** kind × day → amount (dayKey), all time. */
  days: ReadonlyMap<string, number>;
}

/** The kinds with a plan above zero, in the order of schema/kinds.ts (then any kind it does not know). */
export function plannedKinds(plans: ReadonlyMap<string, number>): string[] {
  return sortKinds([...plans].filter(([, amount]) => amount > 0).map(([kind]) => kind));
}

export interface KindProgress extends PlanProgress {
  kind: string;
  /** The approved plan, shown beside the target when funding is below it. */
  approved: number;
}

/** A project's kind (with its pace and forecast) or a fonds × kind: the same figures either way. */
export type KindFigures = KindProgress;

function itemOf(f: FondsPlan, kind: string, totals: ReadonlyMap<string, number>): PlanItem {
  return { target: targetOf(f, kind), actual: totals.get(fondsKindKey(f.code, kind)) ?? 0, periods: f.periods?.[kind] };
}

/** The project's fonds × kind items of one kind, with their period targets (for the burn-up's plan line). */
export function kindItems(state: Pick<PlanState, "fonds" | "fondsTotals">, kind: string): PlanItem[] {
  return state.fonds.map((f) => itemOf(f, kind, state.fondsTotals));
}

/** One fonds × kind. Its own daily output is not in the live state: no pace or forecast, but a catch-up rate. */
export function fondsKindProgress(f: FondsPlan, kind: string, totals: ReadonlyMap<string, number>, p: Period): KindProgress {
  return { kind, approved: f.approved[kind] ?? 0, ...planProgress({ ...p, items: [itemOf(f, kind, totals)] }) };
}

/** kind → the project's output per day, from the kind × day totals. */
export function dailyByKind(days: ReadonlyMap<string, number>): Map<string, { day: string; amount: number }[]> {
  const out = new Map<string, { day: string; amount: number }[]>();
  for (const [key, amount] of days) {
    const [kind = "", day = ""] = splitKey(key);
    let list = out.get(kind);
    if (!list) out.set(kind, (list = []));
    list.push({ day, amount });
  }
  return out;
}

/** The kinds with a target, in the kinds' order (schema/kinds.ts). */
export function targetKinds(fonds: readonly FondsPlan[]): string[] {
  const targets = new Map<string, number>();
  for (const f of fonds) for (const kind of new Set([...Object.keys(f.approved), ...Object.keys(f.funded)])) targets.set(kind, (targets.get(kind) ?? 0) + targetOf(f, kind));
  return plannedKinds(targets);
}

/** The project's headline per kind with a target: behind when any fonds is behind in it (schema/status.ts). */
export function projectKinds(state: PlanState, p: Period, daily = dailyByKind(state.days)): KindFigures[] {
  return targetKinds(state.fonds).map((kind) => ({
    kind,
    approved: state.fonds.reduce((s, f) => s + (targetOf(f, kind) > 0 ? (f.approved[kind] ?? 0) : 0), 0),
    // Output on fonds without a target (none in a consistent plan) does not count towards the kind.
    ...planProgress({ ...p, items: kindItems(state, kind), daily: daily.get(kind) ?? [] }),
  }));
}

export interface FondsRow {
  fonds: FondsPlan;
  /** kind → progress, for the kinds this fonds has a target in. */
  kinds: Map<string, KindProgress>;
  /** Its kinds' statuses combined (schema/status.ts); null when it has no target at all. */
  status: Status | null;
  /** The kind furthest behind its plan (or the least done, when none is behind); null without kinds. What
   * a fonds shows in one figure: kinds are never added together (records and pages are not one unit). */
  worst: KindProgress | null;
  /** The worst (actual − planToDate) / target over its kinds: how far behind, to sort by. */
  lag: number;
}

const lagOf = (k: KindProgress) => (k.status === "done" ? 0 : (k.actual - k.planToDate) / k.target);

/** Every fonds with its progress per kind. */
export function fondsRows(state: Pick<PlanState, "fonds" | "fondsTotals">, kinds: readonly string[], p: Period): FondsRow[] {
  return state.fonds.map((f) => {
    const byKind = new Map<string, KindProgress>();
    for (const kind of kinds) if (targetOf(f, kind) > 0) byKind.set(kind, fondsKindProgress(f, kind, state.fondsTotals, p));
    const list = [...byKind.values()];
    const worst = list.reduce<KindProgress | null>((w, k) => (w === null || lagOf(k) < lagOf(w) || (lagOf(k) === lagOf(w) && k.done < w.done) ? k : w), null);
    return { fonds: f, kinds: byKind, status: worstStatus(list.flatMap((k) => (k.status ? [k.status] : []))), worst, lag: Math.min(0, ...list.map(lagOf)) };
  });
}

/** A project is behind when any of its kinds is; done when all are; null without a plan. */
export function overallStatus(kinds: readonly { status: Status | null }[]): Status | null {
  return worstStatus(kinds.flatMap((k) => (k.status ? [k.status] : [])));
}

