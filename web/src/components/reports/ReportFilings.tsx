import { Show, createSignal } from "solid-js";
import { t, tf } from "../../i18n";
import { owedPastDue } from "../../../../schema/reports/filing";
import type { ReportingCalendarStore } from "../../store/filings";
import { ReportCalendar } from "./ReportCalendar";
import { errorOf } from "../FormMessage";

const FIRST_ROWS = 12;

/** The reporting calendar section of the reports page: how many reports are overdue, writing the
 * missing ones, and the table of every report owed. */
export function ReportFilings(props: { projectId: string; timeZone: string; canSign: boolean; store: ReportingCalendarStore }) {
  const store = props.store;
  const [notice, setNotice] = createSignal<string | null>(null);
  const [all, setAll] = createSignal(false);
  // A project owes a hundred reports a year: the newest first, the rest one click away.
  const shown = () => {
    const items = store.calendar()?.items ?? [];
    return all() ? items : items.slice(0, FIRST_ROWS);
  };
  const more = () => (store.calendar()?.items.length ?? 0) - shown().length;
  const overdue = () => store.calendar()?.items.filter(owedPastDue).length ?? 0;
  const missing = () => store.calendar()?.items.some((i) => !i.report) ?? false;
  const catchUp = async () => {
    const r = await store.catchUp();
    setNotice(r.ok ? tf("filing.caughtUp", { count: (r.body as { created: number }).created }) : errorOf(r));
  };
  return (
    <section class="panel report-filings" aria-labelledby="filing-title">
      <h2 id="filing-title" class="section-title">
        {t("filing.title")}
      </h2>
      <p class="muted">{t("filing.intro")}</p>
      <Show when={store.error()}>
        <p class="notice notice--error" role="alert">
          {t("reports.loadFailed")}
        </p>
      </Show>
      <Show when={store.calendar()}>
        {(cal) => (
          <>
            <p class={overdue() > 0 ? "filing-summary filing-summary--late" : "filing-summary"} role="status">
              {overdue() > 0 ? tf("filing.overdueCount", { count: overdue() }) : t("filing.allFiled")}
            </p>
            <Show when={missing()}>
              <button type="button" class="button" onClick={catchUp}>
                {t("filing.catchUp")}
              </button>
            </Show>
            <Show when={notice()}>
              <p class="notice" role="status">
                {notice()}
              </p>
            </Show>
            <ReportCalendar projectId={props.projectId} items={shown()} timeZone={props.timeZone} canSign={props.canSign} actions={store} />
            <Show when={more() > 0 && cal()}>
              <button type="button" class="button button--quiet" onClick={() => setAll(true)}>
                {tf("filing.showAll", { count: more() })}
              </button>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
