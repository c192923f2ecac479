import { For, Show, createSignal } from "solid-js";
import { kindDecimals } from "../../../../schema/kinds";
import { kindName, locale, t, tf } from "../../i18n";
import { parseSheetPaste, type PasteError, type SheetShape } from "../../inspection-paste";
import { amountMessage } from "../../number-input";
import type { QuantityProblem } from "../../../../schema/numbers";

const OWN_PROBLEMS = new Set(["column", "noKinds", "unknownFonds", "notPlanned", "duplicate", "openQuote"]);

function errorText(e: PasteError): string {
  const message = OWN_PROBLEMS.has(e.problem)
    ? tf(`paste.${e.problem}` as "paste.column", { cell: e.cell, kind: e.kind ? kindName(e.kind) : "" })
    : amountMessage(e.problem as QuantityProblem, { decimals: kindDecimals(e.kind ?? "") ?? 0 });
  return e.column === null ? tf("sheet.atLine", { line: e.line, message }) : tf("sheet.at", { line: e.line, column: e.column, message });
}

/** "Paste a table" for the inspection sheet: all cells or none (web/src/inspection-paste.ts). */
export function SheetPaste(props: { shape: SheetShape; apply: (values: Map<string, number>) => void }) {
  const [text, setText] = createSignal("");
  const [errors, setErrors] = createSignal<PasteError[]>([]);
  const [applied, setApplied] = createSignal<number | null>(null);
  const apply = () => {
    const r = parseSheetPaste(text(), props.shape, locale());
    setErrors(r.ok ? [] : r.errors);
    setApplied(r.ok ? r.values.size : null);
    if (r.ok) props.apply(r.values);
  };
  return (
    <details class="sheet-paste">
      <summary>{t("sheet.paste")}</summary>
      <label class="field field--wide">
        <span>{t("sheet.pasteLabel")}</span>
        <textarea name="paste" rows={6} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="button" class="button button--secondary" onClick={apply}>
        {t("sheet.pasteApply")}
      </button>
      <Show when={errors().length > 0}>
        <div class="form-error" role="alert">
          <p>{t("sheet.pasteFailed")}</p>
          <ul>
            <For each={errors()}>{(e) => <li>{errorText(e)}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={applied() !== null}>
        <p class="form-ok" role="status">
          {tf("sheet.pasteApplied", { count: applied() ?? 0 })}
        </p>
      </Show>
    </details>
  );
}
