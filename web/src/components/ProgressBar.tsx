import { Show } from "solid-js";
import type { Status } from "../live/figures";

const clamp = (ratio: number) => (Number.isFinite(ratio) ? Math.min(100, Math.max(0, ratio * 100)) : 0);

/** A bar for actual / plan, capped at full, coloured by status, with a tick where the plan says the work
 * should be today (`expected`, plan-to-date / target). `valueText` says both for screen readers. */
export function ProgressBar(props: { ratio: number; expected?: number; status?: Status | null; label: string; valueText?: string; thin?: boolean }) {
  return (
    <div
      class={`bar bar--${props.status ?? (props.ratio >= 1 ? "done" : "plain")}`}
      classList={{ "bar--thin": props.thin }}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamp(props.ratio))}
      aria-valuetext={props.valueText}
    >
      <div class="bar__fill" style={{ width: `${clamp(props.ratio)}%` }} />
      <Show when={props.expected !== undefined && Number.isFinite(props.expected)}>
        <div class="bar__marker" style={{ left: `${clamp(props.expected!)}%` }} />
      </Show>
    </div>
  );
}
