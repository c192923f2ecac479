import { For } from "solid-js";
import { locale, t, tf } from "../../i18n";
import { importErrorText } from "./form-errors";

/** A pasted table's errors, each at its line and column; a line's number selects it in the textarea
 * (`onShow`). Nothing of such a table is written. */
export function ImportErrors(props: { errors: { line: number; column: number | null; message: string }[]; onShow: (line: number) => void }) {
  return (
    <div class="plan-errors" role="alert">
      <p class="form-error">{tf("plan.hasErrors", { n: props.errors.length })}</p>
      <table class="grid-table">
        <thead>
          <tr>
            <th scope="col">{t("plan.line")}</th>
            <th scope="col">{t("plan.column")}</th>
            <th scope="col">{t("plan.problem")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.errors}>
            {(e) => (
              <tr class="plan-errors__row" data-line={e.line} data-column={e.column ?? ""}>
                <td>
                  <button type="button" class="button button--small button--quiet" onClick={() => props.onShow(e.line)}>
                    {e.line}
                  </button>
                </td>
                <td>{e.column ?? "—"}</td>
                <td>{importErrorText(e.message, locale())}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
