import { createEffect, createUniqueId, onCleanup, onMount } from "solid-js";
import { Chart, themeOf, type ChartTheme } from "./chart";

/**
 * A Chart.js chart made once, then updated in place (STYLE.md: never re-created on a delta): `update`
 * writes the latest data into the chart inside a Solid effect, so it re-runs when what it reads changes,
 * and chart.update() redraws without animation.
 */
export function ChartCanvas(props: {
  label: string;
  /** The figures the picture shows, for screen readers (charts/chart-summary.ts). */
  summary: string;
  class?: string;
  create: (canvas: HTMLCanvasElement, theme: ChartTheme) => Chart;
  update: (chart: Chart) => void;
}) {
  let canvas!: HTMLCanvasElement;
  const summaryId = createUniqueId();
  onMount(() => {
    const chart = props.create(canvas, themeOf(canvas));
    createEffect(() => {
      props.update(chart);
      chart.update("none");
    });
    onCleanup(() => chart.destroy());
  });
  return (
    <div class={`chart ${props.class ?? ""}`}>
      <canvas ref={canvas} role="img" aria-label={props.label} aria-describedby={summaryId} />
      <p id={summaryId} class="visually-hidden">
        {props.summary}
      </p>
    </div>
  );
}
