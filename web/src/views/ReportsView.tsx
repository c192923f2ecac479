import { Show } from "solid-js";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { AdhocForm } from "../components/reports/AdhocForm";
import { ReportFilings } from "../components/reports/ReportFilings";
import { ReportList } from "../components/reports/ReportList";
import { t } from "../i18n";
import { firstOfYear } from "../reports/report-text";
import { atLeast } from "../roles";
import { navigate, pathOf } from "../router";
import { useApp } from "../store/context";
import { useProject } from "../store/project";
import { createReportingCalendar } from "../store/filings";
import { createReportList } from "../store/reports";

/** A project's reports: the reporting calendar (what is owed, overdue, submitted, received), the
 * ad-hoc request, and every stored report. */
export default function ReportsView(props: { projectId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const store = createReportList(props.projectId, app.session.writeHeaders);
  const filings = createReportingCalendar(props.projectId, app.session.writeHeaders);
  // The list waits for the calendar above it: a first read of the calendar may write the reports that
  // fell due (worker/reports/catch-up.ts) and arrive after the list, which would push the list away.
  const calendarSettled = () => filings.calendar() !== undefined || filings.error() !== undefined;
  return (
    <div class="view">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: t("reports.title") }]} />
      <div class="view__head">
        <h1 class="view__title">{t("reports.title")}</h1>
      </div>
      <AdhocForm
        defaultFrom={firstOfYear(m.today())}
        defaultTo={m.today()}
        request={store.request}
        done={(reportId) => navigate(pathOf({ name: "report", projectId: props.projectId, reportId }))}
      />
      <ReportFilings projectId={props.projectId} timeZone={m.timeZone()} canSign={atLeast(m.role(), "supervisor")} store={filings} />
      <Show when={store.error()}>
        <p class="notice notice--error" role="alert">
          {t("reports.loadFailed")}
        </p>
      </Show>
      <Show when={calendarSettled() && store.reports()}>{(list) => <ReportList projectId={props.projectId} reports={list()} timeZone={m.timeZone()} />}</Show>
    </div>
  );
}
