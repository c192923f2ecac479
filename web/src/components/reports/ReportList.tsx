import { For, Show } from "solid-js";
import { formatDateTime, formatDay, t } from "../../i18n";
import { reportTypeKey } from "../../reports/report-text";
import { pathOf } from "../../router";
import type { ReportMeta } from "../../store/reports";
import { Link } from "../Link";

/** Stored reports, newest period first: type in words, period, version, who generated it and when. */
export function ReportList(props: { projectId: string; reports: readonly ReportMeta[]; timeZone: string }) {
  return (
    <Show when={props.reports.length > 0} fallback={<p class="empty">{t("reports.none")}</p>}>
      <div class="table-scroll">
        <table class="grid-table report-list">
          <thead>
            <tr>
              <th scope="col">{t("reports.col.type")}</th>
              <th scope="col">{t("reports.col.period")}</th>
              <th scope="col">{t("reports.col.version")}</th>
              <th scope="col">{t("reports.col.generated")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.reports}>
              {(r) => (
                <tr>
                  <th scope="row">
                    <Link href={pathOf({ name: "report", projectId: props.projectId, reportId: r.id })}>{t(reportTypeKey(r.type))}</Link>
                  </th>
                  <td>
                    {formatDay(r.from)} – {formatDay(r.to)}
                  </td>
                  <td>{r.version}</td>
                  <td>
                    {r.generatedBy}, {formatDateTime(r.generatedAt, props.timeZone)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
