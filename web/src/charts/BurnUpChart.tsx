import type { BurnUpSeries } from "./burnup-data";
import { formatDay, kindName, t, tf } from "../i18n";
import type { Quantity } from "../format";
import { Chart, baseOptions } from "./chart";
import { ChartCanvas } from "./ChartCanvas";
import { burnUpFacts } from "./chart-summary";

/** Burn-up for one kind: cumulative actual, the plan curve (flat on weekends and holidays) and where the
 * current pace leads. Lazy-loaded with the project page, so Chart.js is not in the first load. */
export function BurnUpChart(props: { kind: string; series: BurnUpSeries; quantity: Quantity; fontSize?: number; class?: string }) {
  const tick = (value: number | string) => props.quantity(props.kind, Math.round(Number(value)));
  const summary = () => {
    const f = burnUpFacts(props.series);
    if (!f) return t("chart.noData");
    const q = (n: number) => props.quantity(props.kind, Math.round(n));
    const head = tf("chart.burnUpSummary", { day: formatDay(f.day), actual: q(f.actual), plan: q(f.plan), target: q(f.target), end: formatDay(f.end) });
    return f.forecast ? `${head} ${tf("chart.forecastSummary", { amount: q(f.forecast.amount), day: formatDay(f.forecast.day) })}` : head;
  };
  return (
    <ChartCanvas
      class={props.class}
      summary={summary()}
      label={tf("chart.burnUpLabel", { kind: kindName(props.kind) })}
      create={(canvas, theme) => {
        const base = baseOptions(theme, props.fontSize ?? 12);
        return new Chart(canvas, {
          type: "line",
          data: {
            labels: [],
            datasets: [
              { label: "", data: [], borderColor: theme.actual, backgroundColor: theme.actual, borderWidth: 3, pointRadius: 0, spanGaps: false },
              { label: "", data: [], borderColor: theme.plan, backgroundColor: theme.plan, borderWidth: 2, borderDash: [6, 4], pointRadius: 0 },
              { label: "", data: [], borderColor: theme.forecast, backgroundColor: theme.forecast, borderWidth: 2, borderDash: [2, 3], pointRadius: 0 },
            ],
          },
          options: {
            ...base,
            scales: { x: base.scales.x, y: { ...base.scales.y, ticks: { ...base.scales.y.ticks, callback: tick } } },
            plugins: { ...base.plugins, tooltip: { ...base.plugins.tooltip, callbacks: { label: (c) => `${c.dataset.label}: ${tick(c.parsed.y ?? 0)}` } } },
          },
        });
      }}
      update={(chart) => {
        const s = props.series;
        chart.data.labels = s.days.map(formatDay);
        const [actual, plan, forecast] = chart.data.datasets;
        actual!.label = t("chart.actual");
        actual!.data = s.actual;
        plan!.label = t("chart.plan");
        plan!.data = s.plan;
        forecast!.label = t("chart.forecast");
        forecast!.data = s.forecast;
      }}
    />
  );
}
