/** A bar for actual / plan: capped at full, marked done at or above the plan. */
export function ProgressBar(props: { ratio: number; label: string; thin?: boolean }) {
  const percent = () => (Number.isFinite(props.ratio) ? Math.min(100, Math.max(0, props.ratio * 100)) : 0);
  return (
    <div
      class="bar"
      classList={{ "bar--thin": props.thin, "bar--done": props.ratio >= 1 }}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent())}
    >
      <div class="bar__fill" style={{ width: `${percent()}%` }} />
    </div>
  );
}
