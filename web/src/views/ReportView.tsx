import "../styles/report.css";
import { Show, createMemo } from "solid-js";
import { officialDocument } from "../../../schema/reports/document";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { DocumentSettingsForm } from "../components/reports/DocumentSettingsForm";
import { FrozenNotice } from "../components/reports/FrozenNotice";
import { ItemReasons } from "../components/reports/ItemReasons";
import { OfficialDocument } from "../components/reports/OfficialDocument";
import { ReportNotes } from "../components/reports/ReportNotes";
import { ReportReasons } from "../components/reports/ReportReasons";
import { ReportTable } from "../components/reports/ReportTable";
import { formatDateTime, formatDay, locale, t, tf } from "../i18n";
import { downloadPath, reportTypeKey } from "../reports/report-text";
import { atLeast } from "../roles";
import { navigate, pathOf } from "../router";
import { useApp } from "../store/context";
import { useProject } from "../store/project";
import { createReportStore } from "../store/reports";
import { followReport } from "../store/report-presence";

/** One report: on screen the results table with totals, reasons, silent stations, the centre's reasons
 * per item, difficulties and proposals, and the official document's settings; on paper (and as
 * .docx) the official document (Nghị định 30/2020) built from the same figures. */
export default function ReportView(props: { projectId: string; reportId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const store = createReportStore(props.projectId, props.reportId, app.session.writeHeaders);
  const canSign = () => atLeast(m.role(), "supervisor");
  // A submitted version is frozen: its notes are text, not a form that would only answer 409.
  const canEdit = () => canSign() && !store.report()?.frozen;
  const projectHref = pathOf({ name: "project", projectId: props.projectId });
  const listHref = pathOf({ name: "reports", projectId: props.projectId });
  const doc = createMemo(() => {
    const r = store.report();
    return r ? officialDocument(r.content, r.notes, r.document.settings, locale()) : null;
  });
  const others = followReport(m, store, props.reportId, () => app.session.me()?.user.id);
  const correct = async (reason: string) => {
    const r = await store.correct(reason);
    if (r.ok && r.id) navigate(pathOf({ name: "report", projectId: props.projectId, reportId: r.id }));
    return r;
  };
  const crumb = () => {
    const r = store.report();
    return r ? `${t(reportTypeKey(r.meta.type))} ${formatDay(r.meta.from)} – ${formatDay(r.meta.to)}` : "…";
  };
  return (
    <div class="view report">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: projectHref }, { label: t("reports.title"), href: listHref }, { label: crumb() }]} />
      <Show when={store.error()}>
        <p class="notice notice--error" role="alert">
          {t("reports.loadFailed")}
        </p>
      </Show>
      <Show when={store.report()} fallback={<Show when={!store.error()}><p class="project__loading">{t("project.loading")}</p></Show>}>
        {(r) => (
          <>
            <header class="report__head no-print">
              <h1 class="report__title">{t(reportTypeKey(r().meta.type))}</h1>
              <p class="report__project">{r().content.project.name}</p>
              <Show when={r().content.project.legalBasis}>
                <p class="report__basis">
                  {t("reports.legalBasis")}: {r().content.project.legalBasis}
                </p>
              </Show>
              <p class="report__period">
                {t("reports.period")}: {formatDay(r().meta.from)} – {formatDay(r().meta.to)}
              </p>
              <Show when={others().length > 0}>
                <p class="report__viewers" role="status">{tf("reports.viewingNow", { names: others().join(", ") })}</p>
              </Show>
              <p class="report__version">{tf("reports.version", { version: r().meta.version, by: r().meta.generatedBy, at: formatDateTime(r().meta.generatedAt, m.timeZone()) })}</p>
              <Show when={r().frozen}>
                {(f) => (
                  <FrozenNotice
                    frozen={f()}
                    timeZone={m.timeZone()}
                    correct={canSign() && !f().corrected ? correct : undefined}
                  />
                )}
              </Show>
            </header>
            <div class="report__actions no-print">
              <a class="button button--quiet" href={downloadPath(props.projectId, props.reportId, "csv", locale())} download="">
                {t("reports.downloadCsv")}
              </a>
              <a class="button button--quiet" href={downloadPath(props.projectId, props.reportId, "xlsx", locale())} download="">
                {t("reports.downloadXlsx")}
              </a>
              <a class="button button--quiet" href={downloadPath(props.projectId, props.reportId, "docx", locale())} download="">
                {t("reports.downloadDocx")}
              </a>
              <button type="button" class="button" onClick={() => window.print()}>
                {t("reports.print")}
              </button>
            </div>
            <ReportTable content={r().content} />
            <ReportReasons content={r().content} />
            <ItemReasons content={r().content} notes={r().notes} canEdit={canEdit()} timeZone={m.timeZone()} save={store.saveNotes} put={store.setNotes} />
            <ReportNotes notes={r().notes} canEdit={canEdit()} timeZone={m.timeZone()} save={store.saveNotes} put={store.setNotes} />
            <Show when={canEdit()}>
              <DocumentSettingsForm settings={r().document.settings} saved={r().document.saved} timeZone={m.timeZone()} save={store.saveDocument} />
            </Show>
            <Show when={doc()}>{(d) => <OfficialDocument doc={d()} lang={locale()} />}</Show>
          </>
        )}
      </Show>
    </div>
  );
}
