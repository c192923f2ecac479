import { formatDateTime, formatDay, t } from "../../i18n";
import { reportTypeKey } from "../../reports/report-text";
import { pathOf } from "../../router";
import type { ReportMeta } from "../../store/reports";
import { DataTable } from "../DataTable";
import { Link } from "../Link";

/** Stored reports, newest period first: type in words, period, version, who generated it and when. */
export function ReportList(props: { projectId: string; reports: readonly ReportMeta[]; timeZone: string }) {
  return (
    <DataTable
      label={t("reports.title")}
      class="report-list"
      empty={t("reports.none")}
      rows={props.reports}
      headers={[t("reports.col.type"), t("reports.col.period"), t("reports.col.version"), t("reports.col.generated")]}
    >
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
    </DataTable>
  );
}
