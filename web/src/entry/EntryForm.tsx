import { For, Show, createSignal } from "solid-js";
import { WORK_KIND_KEYS, kindDecimals } from "../../../schema/kinds";
import { NumberField, createFieldErrors } from "../components/NumberField";
import { kindName, locale, t, tf } from "../i18n";
import { amountMessage } from "../number-input";
import { entriesFromForm, entryRules } from "./entries";
import type { EntryStore } from "./entry-store";

/** Pick a fonds, enter the counts of the batch per kind, submit: each count becomes an event with its own
 * id, kept in the outbox until the server has it. */
export function EntryForm(props: { store: EntryStore }) {
  const [invalid, setInvalid] = createSignal<string[]>([]);
  const [saved, setSaved] = createSignal<number | null>(null);
  const errors = createFieldErrors();
  const fonds = () => props.store.view()?.fonds ?? [];
  /** Only the kinds the project plans (the server refuses others); a view cached before it said so offers all. */
  const kinds = () => props.store.view()?.kinds ?? WORK_KIND_KEYS;
  const submit = (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const amounts = Object.fromEntries(kinds().map((k) => [k, String(data.get(k) ?? "")]));
    const result = entriesFromForm(String(data.get("fonds") ?? ""), amounts, locale(), Date.now(), () => crypto.randomUUID());
    errors.clear();
    if (!result.ok) {
      for (const { kind, problem } of result.invalid) errors.set(kind, amountMessage(problem, entryRules(kind)));
      setInvalid(result.invalid.map((i) => i.kind));
      setSaved(null);
      return;
    }
    setInvalid([]);
    if (result.entries.length === 0) return setSaved(0);
    props.store.add(result.entries);
    setSaved(result.entries.length);
    for (const k of kinds()) {
      const input = form.elements.namedItem(k);
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
        <For each={kinds()}>{(k) => <NumberField name={k} label={kindName(k)} errors={errors} whole={kindDecimals(k) === 0} />}</For>
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
