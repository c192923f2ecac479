import { For, Show, createSignal } from "solid-js";
import { WORK_KINDS } from "../../../schema/kinds";
import { kindName, locale, t, tf } from "../i18n";
import { entriesFromForm } from "./entries";
import type { EntryStore } from "./entry-store";

/** Pick a fonds, enter the counts of the batch per kind, submit: each count becomes an event with its own
 * id, kept in the outbox until the server has it. */
export function EntryForm(props: { store: EntryStore }) {
  const [invalid, setInvalid] = createSignal<string[]>([]);
  const [saved, setSaved] = createSignal<number | null>(null);
  const fonds = () => props.store.view()?.fonds ?? [];
  const submit = (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const amounts = Object.fromEntries(WORK_KINDS.map((k) => [k.key, String(data.get(k.key) ?? "")]));
    const result = entriesFromForm(String(data.get("fonds") ?? ""), amounts, locale(), Date.now(), () => crypto.randomUUID());
    if (!result.ok) {
      setInvalid(result.invalid);
      setSaved(null);
      return;
    }
    setInvalid([]);
    if (result.entries.length === 0) return setSaved(0);
    props.store.add(result.entries);
    setSaved(result.entries.length);
    for (const k of WORK_KINDS) {
      const input = form.elements.namedItem(k.key);
      if (input instanceof HTMLInputElement) input.value = "";
    }
  };
  return (
    <form class="form panel entry-form" onSubmit={submit} aria-labelledby="entry-form-title">
      <h2 id="entry-form-title" class="section-title">
        {t("entry.formTitle")}
      </h2>
      <label class="field">
        <span>{t("entry.fonds")}</span>
        <select name="fonds" required>
          <For each={fonds()}>
            {(f) => <option value={f.code}>{f.name === null ? `${f.code} (${t("fonds.restricted")})` : `${f.code} ${f.name}`}</option>}
          </For>
        </select>
      </label>
      <div class="entry-form__kinds">
        <For each={WORK_KINDS}>
          {(k) => (
            <label class="field" classList={{ "field--invalid": invalid().includes(k.key) }}>
              <span>{kindName(k.key)}</span>
              <input name={k.key} inputmode={k.decimals > 0 ? "decimal" : "numeric"} autocomplete="off" aria-invalid={invalid().includes(k.key)} />
            </label>
          )}
        </For>
      </div>
      <Show when={invalid().length > 0}>
        <p class="form-error" role="alert">
          {tf("entry.invalid", { kinds: invalid().map(kindName).join(", ") })}
        </p>
      </Show>
      <Show when={saved() !== null}>
        <p class="form-ok" role="status">
          {saved() === 0 ? t("entry.nothing") : tf("entry.saved", { n: saved()! })}
        </p>
      </Show>
      <button type="submit" class="button button--big">
        {t("entry.submit")}
      </button>
    </form>
  );
}
