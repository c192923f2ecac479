import { For } from "solid-js";
import type { FondsPlan } from "../../../../schema/wire";
import { kindName, t } from "../../i18n";

/** The fonds and kind pickers the inspection, correction and acceptance forms share. */
export function FondsKindFields(props: { fonds: readonly FondsPlan[]; kinds: readonly string[] }) {
  return (
    <>
      <label class="field">
        <span>{t("inspections.fonds")}</span>
        <select name="fonds" required>
          <For each={props.fonds}>{(f) => <option value={f.code}>{`${f.code} ${f.name}`}</option>}</For>
        </select>
      </label>
      <label class="field">
        <span>{t("inspections.kind")}</span>
        <select name="kind" required>
          <For each={props.kinds}>{(k) => <option value={k}>{kindName(k)}</option>}</For>
        </select>
      </label>
    </>
  );
}
