import { For } from "solid-js";
import { formatQuantity } from "../../../../schema/numbers";
import { kindDecimals } from "../../../../schema/kinds";
import { kindName, locale, t, tf } from "../../i18n";

export interface Preview {
  kinds: string[];
  totals: Record<string, number>;
  rows: { line: number; code: string; name: string; amounts: Record<string, number> }[];
}

/** What the import would store, as the server parsed it: amounts in the reader's number format, the
 * totals the server added up (checked against the table's own totals row when it has one). */
export function PlanPreview(props: { preview: Preview; target: "approved" | "funded" | "both" }) {
  const q = (kind: string, amount: number | undefined) => (amount === undefined ? "" : formatQuantity(amount, kindDecimals(kind) ?? 0, locale()));
  const targetText = () => t(props.target === "both" ? "plan.targetBoth" : props.target === "approved" ? "plan.targetApproved" : "plan.targetFunded");
  return (
    <section class="plan-preview" aria-labelledby="plan-preview-title">
      <h3 id="plan-preview-title" class="section-title">
        {tf("plan.previewTitle", { fonds: props.preview.rows.length, target: targetText() })}
      </h3>
      <p class="plan-preview__note">{t("plan.previewNote")}</p>
      <div class="table-scroll">
        <table class="grid-table">
          <thead>
            <tr>
              <th scope="col">{t("plan.line")}</th>
              <th scope="col">{t("plan.code")}</th>
              <th scope="col">{t("plan.fondsName")}</th>
              <For each={props.preview.kinds}>{(k) => <th scope="col" class="num">{kindName(k)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.preview.rows}>
              {(r) => (
                <tr>
                  <td>{r.line}</td>
                  <td>{r.code}</td>
                  <th scope="row">{r.name}</th>
                  <For each={props.preview.kinds}>{(k) => <td class="num">{q(k, r.amounts[k])}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr class="plan-preview__totals">
              <th scope="row" colSpan={3}>
                {t("plan.total")}
              </th>
              <For each={props.preview.kinds}>{(k) => <td class="num">{q(k, props.preview.totals[k])}</td>}</For>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
