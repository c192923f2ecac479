import { For, Show } from "solid-js";
import { formatDateTime, formatDay, kindName, t, tf } from "../../i18n";
import { signed, type Quantity } from "../../format";
import type { AcceptanceRow, CorrectionRow, VerificationRow } from "../../store/inspections";
import { DataTable } from "../DataTable";

/** Reported against verified figures per inspection day, fonds and kind (đối soát). */
export function VerificationTable(props: { rows: readonly VerificationRow[]; fondsName: (code: string) => string; quantity: Quantity }) {
  return (
    <section class="panel" aria-labelledby="verifications-title">
      <h2 id="verifications-title" class="section-title">
        {t("inspections.list")}
      </h2>
      <DataTable
        label={t("inspections.list")}
        class="verifications"
        empty={t("inspections.none")}
        rows={props.rows}
        headers={[t("inspections.day"), t("inspections.fonds"), t("inspections.kind"), t("inspections.reported"), t("inspections.verified"), t("inspections.difference"), t("inspections.note"), t("inspections.by")]}
      >
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
      </DataTable>
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
      <DataTable
        label={t("inspections.acceptReport")}
        class="acceptances"
        rows={props.rows}
        headers={[t("inspections.fonds"), t("inspections.kind"), t("inspections.plan"), t("inspections.reported"), t("inspections.accepted"), t("inspections.notYet"), t("inspections.minutes")]}
      >
        {(r) => (
          <tr>
            <th scope="row">{`${r.fonds} ${r.name}`}</th>
            <td>{kindName(r.kind)}</td>
            <td>{props.quantity(r.kind, r.plan)}</td>
            <td>{props.quantity(r.kind, r.reported)}</td>
            <td>{props.quantity(r.kind, r.accepted)}</td>
            <td>{props.quantity(r.kind, r.notYetAccepted)}</td>
            <td>
              <For each={r.minutes}>
                {(m) => (
                  <span class="minute">
                    {`${m.number} (${formatDay(m.date)})`}
                    <Show when={m.overrideReason}>{(reason) => <em class="form-error">{` ${tf("accept.overrideNote", { reason: reason() })}`}</em>}</Show>
                  </span>
                )}
              </For>
            </td>
          </tr>
        )}
      </DataTable>
    </section>
  );
}

/** Every correction with who made it, when (dd/mm/yyyy HH:mm) and why: the reconciliation's paper trail. */
export function CorrectionTable(props: { rows: readonly CorrectionRow[]; fondsName: (code: string) => string; quantity: Quantity }) {
  const when = (ms: number) => formatDateTime(ms).slice(0, 16);
  return (
    <section class="panel" aria-labelledby="corrections-title">
      <h2 id="corrections-title" class="section-title">
        {t("corrections.title")}
      </h2>
      <DataTable
        label={t("corrections.title")}
        class="corrections"
        empty={t("corrections.none")}
        rows={props.rows}
        headers={[t("corrections.when"), t("inspections.fonds"), t("inspections.kind"), t("inspections.delta"), t("inspections.reason"), t("corrections.who")]}
      >
        {(r) => (
          <tr>
            <td>{when(r.createdAt)}</td>
            <th scope="row">{props.fondsName(r.fondsCode)}</th>
            <td>{kindName(r.kind)}</td>
            <td>{signed(props.quantity, r.kind, r.delta)}</td>
            <td>{r.reason}</td>
            <td>{r.userName ?? "—"}</td>
          </tr>
        )}
      </DataTable>
    </section>
  );
}
