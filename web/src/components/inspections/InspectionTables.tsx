import { For, Show } from "solid-js";
import { formatDay, kindName, t } from "../../i18n";
import { signed, type Quantity } from "../../format";
import type { AcceptanceRow, VerificationRow } from "../../store/inspections";

/** Reported against verified figures per inspection day, fonds and kind (đối soát). */
export function VerificationTable(props: { rows: readonly VerificationRow[]; fondsName: (code: string) => string; quantity: Quantity }) {
  return (
    <section class="panel" aria-labelledby="verifications-title">
      <h2 id="verifications-title" class="section-title">
        {t("inspections.list")}
      </h2>
      <Show when={props.rows.length > 0} fallback={<p class="empty">{t("inspections.none")}</p>}>
        <div class="table-scroll">
          <table class="grid-table verifications">
            <thead>
              <tr>
                <th scope="col">{t("inspections.day")}</th>
                <th scope="col">{t("inspections.fonds")}</th>
                <th scope="col">{t("inspections.kind")}</th>
                <th scope="col">{t("inspections.reported")}</th>
                <th scope="col">{t("inspections.verified")}</th>
                <th scope="col">{t("inspections.difference")}</th>
                <th scope="col">{t("inspections.note")}</th>
                <th scope="col">{t("inspections.by")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(r) => (
                  <tr>
                    <td>{formatDay(r.inspectionDay)}</td>
                    <th scope="row">{props.fondsName(r.fondsCode)}</th>
                    <td>{kindName(r.kind)}</td>
                    <td>{props.quantity(r.kind, r.reported)}</td>
                    <td>{props.quantity(r.kind, r.verified)}</td>
                    <td classList={{ "form-error": r.difference !== 0 }}>{signed(props.quantity, r.kind, r.difference)}</td>
                    <td>{r.note}</td>
                    <td>{r.userName}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

/** Plan, reported, accepted and not yet accepted per fonds and kind, with the acceptance minutes (nghiệm thu). */
export function AcceptanceTable(props: { rows: readonly AcceptanceRow[]; quantity: Quantity }) {
  return (
    <section class="panel" aria-labelledby="acceptance-title">
      <h2 id="acceptance-title" class="section-title">
        {t("inspections.acceptReport")}
      </h2>
      <div class="table-scroll">
        <table class="grid-table acceptances">
          <thead>
            <tr>
              <th scope="col">{t("inspections.fonds")}</th>
              <th scope="col">{t("inspections.kind")}</th>
              <th scope="col">{t("inspections.plan")}</th>
              <th scope="col">{t("inspections.reported")}</th>
              <th scope="col">{t("inspections.accepted")}</th>
              <th scope="col">{t("inspections.notYet")}</th>
              <th scope="col">{t("inspections.minutes")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(r) => (
                <tr>
                  <th scope="row">{`${r.fonds} ${r.name}`}</th>
                  <td>{kindName(r.kind)}</td>
                  <td>{props.quantity(r.kind, r.plan)}</td>
                  <td>{props.quantity(r.kind, r.reported)}</td>
                  <td>{props.quantity(r.kind, r.accepted)}</td>
                  <td>{props.quantity(r.kind, r.notYetAccepted)}</td>
                  <td>{r.minutes}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
