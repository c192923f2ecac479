import { For, Show } from "solid-js";
import { t } from "../i18n";
import type { Province } from "../projects";

/** Province, then one of its projects. Choosing a province opens its first project. */
export function ProjectPicker(props: { provinces: readonly Province[]; projectId: string | undefined; onSelect: (projectId: string) => void }) {
  const province = () => props.provinces.find((p) => p.projects.some((j) => j.id === props.projectId));
  return (
    <form class="picker" onSubmit={(e) => e.preventDefault()}>
      <label class="picker__field">
        <span>{t("picker.province")}</span>
        <select
          value={province()?.id ?? ""}
          onChange={(e) => {
            const first = props.provinces.find((p) => p.id === e.currentTarget.value)?.projects[0];
            if (first) props.onSelect(first.id);
          }}
        >
          <Show when={!province()}>
            <option value="" disabled />
          </Show>
          <For each={props.provinces.filter((p) => p.projects.length > 0)}>{(p) => <option value={p.id}>{p.name}</option>}</For>
        </select>
      </label>
      <label class="picker__field picker__field--wide">
        <span>{t("picker.project")}</span>
        <select value={props.projectId ?? ""} onChange={(e) => props.onSelect(e.currentTarget.value)}>
          <For each={province()?.projects ?? []}>{(j) => <option value={j.id}>{j.name}</option>}</For>
        </select>
      </label>
    </form>
  );
}
