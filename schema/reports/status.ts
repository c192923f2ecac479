// The three ratings the department's reports give every item (seed 000), each from one comparison:
//   hoàn thành / không hoàn thành — the item's whole target is done (cumulative ≥ target);
//   đạt / không đạt               — the period's plan was met (period actual ≥ period plan);
//   đảm bảo tiến độ / chậm tiến độ — cumulative is on the plan curve at the period's end, within tolerance.
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
    achieved: r.periodActual >= r.periodPlan,
    onSchedule: completed || r.cumulative >= r.planToDate * (1 - r.tolerance),
  };
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
  return {
    completed: w.completed[r.completed ? 0 : 1],
    achieved: w.achieved[r.achieved ? 0 : 1],
    onSchedule: w.onSchedule[r.onSchedule ? 0 : 1],
  };
}
