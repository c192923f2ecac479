import { For } from "solid-js";
import { kindName, t } from "../i18n";

/** Which kind a chart shows: a row of toggle buttons (keyboard and screen reader friendly). */
export function KindPicker(props: { kinds: readonly string[]; value: string; onChange: (kind: string) => void }) {
  return (
    <div class="seg" role="group" aria-label={t("chart.kind")}>
      <For each={props.kinds}>
        {(kind) => (
          <button type="button" class="seg__option" aria-pressed={props.value === kind} onClick={() => props.onChange(kind)}>
            {kindName(kind)}
          </button>
        )}
      </For>
    </div>
  );
}
