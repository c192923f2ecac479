import { formatDay, kindName, t, tf } from "../i18n";
import type { Quantity } from "../format";
import { Chart, baseOptions, type ChartTheme } from "./chart";
import { ChartCanvas } from "./ChartCanvas";
import { dailyTotals } from "./chart-summary";

export interface DailySeries {
  id: string;
  label: string;
  data: number[];
}

/** Output per day of one kind, one stacked bar colour per station. */
export function DailyChart(props: { kind: string; days: readonly string[]; series: readonly DailySeries[]; quantity: Quantity; fontSize?: number }) {
  const tick = (value: number | string) => props.quantity(props.kind, Math.round(Number(value)));
  let theme: ChartTheme;
  const summary = () => {
    const d = dailyTotals(props.series);
    if (props.days.length === 0 || d.total === 0) return t("chart.noData");
    const each = d.each.map((s) => `${s.label}: ${tick(s.total)}`).join("; ");
    return tf("chart.dailySummary", { from: formatDay(props.days[0]!), to: formatDay(props.days.at(-1)!), total: tick(d.total), each });
  };
  return (
    <ChartCanvas
      summary={summary()}
      label={tf("chart.dailyLabel", { kind: kindName(props.kind) })}
      create={(canvas, th) => {
        theme = th;
        const base = baseOptions(th, props.fontSize ?? 12);
        return new Chart(canvas, {
          type: "bar",
          data: { labels: [], datasets: [] },
          options: {
            ...base,
            scales: {
              x: { ...base.scales.x, stacked: true },
              y: { ...base.scales.y, stacked: true, ticks: { ...base.scales.y.ticks, callback: tick } },
            },
            plugins: { ...base.plugins, tooltip: { ...base.plugins.tooltip, callbacks: { label: (c) => `${c.dataset.label}: ${tick(c.parsed.y ?? 0)}` } } },
          },
        });
      }}
      update={(chart) => {
        chart.data.labels = props.days.map((d) => formatDay(d).slice(0, 5));
        // Datasets kept per station and only their data replaced, so Chart.js updates bars in place.
        const next = props.series.map((s, i) => {
          const existing = chart.data.datasets.find((d) => (d as { id?: string }).id === s.id);
          const color = theme.series[i % theme.series.length]!;
          return Object.assign(existing ?? { id: s.id, backgroundColor: color, borderWidth: 0 }, { label: s.label, data: s.data });
        });
        chart.data.datasets = next;
      }}
    />
  );
}
