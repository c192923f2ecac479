// One status vocabulary for every screen, alert and report (đảm bảo tiến độ / chậm tiến độ / hoàn thành).
//
// An ITEM is one fonds × kind with a target. Its status, by precedence:
//   done        — actual ≥ target (hoàn thành), whatever the plan curve says;
//   behind      — actual < planToDate × (1 − TOLERANCE) (chậm tiến độ);
//   on_schedule — otherwise (đảm bảo tiến độ), including an item whose plan has not begun yet.
// An AGGREGATE (a fonds over its kinds, a kind over the project's fonds, the whole project) is:
//   behind if ANY of its items is behind; done if ALL are done; else on_schedule;
//   null ("no plan", chưa có kế hoạch) when it has no item with a target.
// Taking the worst item, not the sum, means a badge never says "on schedule" above a list of fonds that
// are behind: over-delivery on one fonds does not hide another falling back (plan volume is moved
// between fonds explicitly, seed 001). A sum behind by more than the tolerance always has an item behind,
// so an aggregate that is behind on its totals is behind here too.
// "Not started" is deliberately not a status: nothing done once the plan has begun is behind, and before
// it begins it is on schedule. The report ratings (schema/reports/status.ts `rate`) use the same
// tolerance: an item's onSchedule is exactly status ≠ behind.

/** Behind when actual < planToDate × (1 − TOLERANCE); the default of the behind-schedule alert rule too. */
export const TOLERANCE = 0.05;

export type Status = "done" | "on_schedule" | "behind";

export function itemStatus(actual: number, target: number, planToDate: number, tolerance = TOLERANCE): Status {
  if (actual >= target) return "done";
  return actual < planToDate * (1 - tolerance) ? "behind" : "on_schedule";
}

/** The aggregate's status from its items' (see above); null without items. */
export function worstStatus(statuses: Iterable<Status>): Status | null {
  let any = false;
  let allDone = true;
  for (const s of statuses) {
    if (s === "behind") return "behind";
    any = true;
    if (s !== "done") allDone = false;
  }
  if (!any) return null;
  return allDone ? "done" : "on_schedule";
}

/** Sort order for lists: the furthest from done first. */
export const STATUS_RANK: Record<Status, number> = { behind: 0, on_schedule: 1, done: 2 };

/** "Chưa triển khai" (seed 003): no counter yet that the viewer can see, at seq 0 of its feed. A flag
 * beside the status, not a status (above): the overview's flags and the national lines both ask it here. */
export function notStarted(seq: number): boolean {
  return seq === 0;
}
