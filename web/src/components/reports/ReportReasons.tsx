import { For, Show, createMemo } from "solid-js";
import type { ReportContent } from "../../../../schema/reports/content";
import { kindName, t, type MessageKey } from "../../i18n";
import { reasonRows, type ReasonRow } from "../../reports/report-text";

const alertType = (type: string) => {
  const key = `alert.type.${type}`;
  return ["behind_schedule", "under_plan", "silent_station"].includes(type) ? t(key as MessageKey) : type;
};

/** Reasons per fonds (the alerts that fired in the period) and the stations that did not report. */
export function ReportReasons(props: { content: ReportContent }) {
  const names = createMemo(() => new Map(props.content.table.rows.map((r) => [r.code, r.name])));
  const rows = createMemo(() => reasonRows(props.content.reasons, props.content.table.rows.map((r) => r.code)));
  const stationName = (id: string) => props.content.silentStations.find((s) => s.id === id)?.name ?? id.slice(0, 8);
  const label = (r: ReasonRow) =>
    r.scope === "project" ? `${t("rules.wholeProject")} — ${kindName(r.kind)}` : r.scope === "station" ? stationName(r.id) : `${names().get(r.id) ?? r.id} — ${kindName(r.kind)}`;
  return (
    <>
      <section class="report__section" aria-labelledby="report-reasons-title">
        <h2 id="report-reasons-title" class="section-title">
          {t("reports.reasons")}
        </h2>
        <Show when={rows().length > 0} fallback={<p class="empty">{t("reports.noReasons")}</p>}>
          <ul class="report__list">
            <For each={rows()}>
              {(r) => (
                <li>
                  <strong>{label(r)}</strong>: {r.reasons.map(alertType).join("; ")}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <section class="report__section" aria-labelledby="report-silent-title">
        <h2 id="report-silent-title" class="section-title">
          {t("reports.silent")}
        </h2>
        <Show when={props.content.silentStations.length > 0} fallback={<p class="empty">{t("reports.noSilent")}</p>}>
          <ul class="report__list report__silent">
            <For each={props.content.silentStations}>{(s) => <li>{s.name}</li>}</For>
          </ul>
        </Show>
      </section>
    </>
  );
}
