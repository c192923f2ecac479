// The three ratings the department's reports give every item (seed 000), from the item's figures:
//   hoàn thành / không hoàn thành — the item's whole target is done (cumulative ≥ target; no target = done);
//   đạt / không đạt               — the item met what the period asked of it: the period's plan
//                                   (period actual ≥ period plan), or, once it is hoàn thành, nothing
//                                   more, so a completed item is always đạt;
//   đảm bảo tiến độ / chậm tiến độ — cumulative is on the plan curve at the period's end within the
//                                   tolerance; a completed item is always on schedule.
// So "Hoàn thành" never stands next to "Không đạt" or "Chậm tiến độ": an item finished early and idle
// this period has nothing left to achieve. `ratingWords` applies the same implications to ratings
// stored before this definition, so an old report cannot show the contradiction either.
export interface Ratings {
  completed: boolean;
  achieved: boolean;
  onSchedule: boolean;
}

export interface RatingInput {
  target: number;
  cumulative: number;
  periodPlan: number;
  periodActual: number;
  /** Plan-to-date at the period's end. */
  planToDate: number;
  tolerance: number;
}

export function rate(r: RatingInput): Ratings {
  const completed = r.target > 0 ? r.cumulative >= r.target : true;
  return {
    completed,
    achieved: completed || r.periodActual >= r.periodPlan,
    onSchedule: completed || r.cumulative >= r.planToDate * (1 - r.tolerance),
  };
}

/** Completed implies achieved and on schedule; for ratings kept in stored reports (schema/tables/reports.ts). */
export function consistent(r: Ratings): Ratings {
  return r.completed ? { completed: true, achieved: true, onSchedule: true } : r;
}

export const RATING_WORDS = {
  vi: {
    completed: ["Hoàn thành", "Không hoàn thành"],
    achieved: ["Đạt", "Không đạt"],
    onSchedule: ["Đảm bảo tiến độ", "Chậm tiến độ"],
  },
  en: {
    completed: ["Completed", "Not completed"],
    achieved: ["Achieved", "Not achieved"],
    onSchedule: ["On schedule", "Behind schedule"],
  },
} as const;

export function ratingWords(r: Ratings, locale: "vi" | "en"): { completed: string; achieved: string; onSchedule: string } {
  const w = RATING_WORDS[locale];
  r = consistent(r);
  return {
    completed: w.completed[r.completed ? 0 : 1],
    achieved: w.achieved[r.achieved ? 0 : 1],
    onSchedule: w.onSchedule[r.onSchedule ? 0 : 1],
  };
}
