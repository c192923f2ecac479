// Chart.js with only the parts the dashboard draws (line and stacked bar charts on a category axis),
// registered once; everything else of Chart.js stays out of the bundle. Colours come from CSS custom
// properties (styles.css), so the wall's dark theme and the page's light one need no code.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };

export interface ChartTheme {
  ink: string;
  grid: string;
  actual: string;
  plan: string;
  forecast: string;
  series: string[];
  font: string;
}

export function themeOf(el: Element): ChartTheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    ink: v("--chart-ink", "#4a5563"),
    grid: v("--chart-grid", "#e4e8ee"),
    actual: v("--chart-actual", "#1f6fbf"),
    plan: v("--chart-plan", "#6b7686"),
    forecast: v("--chart-forecast", "#b35c00"),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--chart-series-${i}`, "#1f6fbf")),
    font: css.fontFamily,
  };
}

/** Axis, legend and tooltip styling shared by every chart. */
export function baseOptions(theme: ChartTheme, fontSize: number) {
  const font = { family: theme.font, size: fontSize };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    interaction: { mode: "index" as const, intersect: false },
    plugins: {
      legend: { labels: { color: theme.ink, font, boxWidth: 14 } },
      tooltip: { titleFont: font, bodyFont: font },
    },
    scales: {
      x: { ticks: { color: theme.ink, font, maxRotation: 0, autoSkip: true, autoSkipPadding: 16 }, grid: { color: theme.grid } },
      y: { beginAtZero: true, ticks: { color: theme.ink, font }, grid: { color: theme.grid } },
    },
  };
}
