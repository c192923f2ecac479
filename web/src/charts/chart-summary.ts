// What a chart shows, in figures a screen reader can say: a canvas is only a picture. Pure, so the
// words (charts/*Chart.tsx) and the figures stay apart.
import type { BurnUpSeries } from "./burnup-data";

export interface BurnUpFacts {
  /** The last day with an actual figure, and the actual and planned totals on it. */
  day: string;
  actual: number;
  plan: number;
  /** The plan's end: its day and total. */
  end: string;
  target: number;
  /** Where the current pace leads by the forecast's last day, when there is a forecast. */
  forecast: { day: string; amount: number } | null;
}

const lastIndex = <T>(xs: readonly T[], ok: (x: T) => boolean): number => {
  for (let i = xs.length - 1; i >= 0; i--) if (ok(xs[i]!)) return i;
  return -1;
};

export function burnUpFacts(s: BurnUpSeries): BurnUpFacts | null {
  const i = lastIndex(s.actual, (x) => x !== null);
  if (i < 0 || s.plan.length === 0) return null;
  const j = lastIndex(s.forecast, (x) => x !== null);
  return {
    day: s.days[i]!,
    actual: s.actual[i]!,
    plan: s.plan[i] ?? 0,
    end: s.days[s.plan.length - 1]!,
    target: s.plan[s.plan.length - 1]!,
    forecast: j > i ? { day: s.days[j]!, amount: s.forecast[j]! } : null,
  };
}

/** Each series' total over the days shown, largest first, and the total of all. */
export function dailyTotals(series: readonly { label: string; data: readonly number[] }[]): { total: number; each: { label: string; total: number }[] } {
  const each = series.map((s) => ({ label: s.label, total: s.data.reduce((a, b) => a + b, 0) })).sort((a, b) => b.total - a.total);
  return { total: each.reduce((a, b) => a + b.total, 0), each };
}
