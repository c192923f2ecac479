import { Show, createSignal } from "solid-js";
import { formatDateTime, formatDay, t, tf } from "../../i18n";
import { reportTypeKey } from "../../reports/report-text";
import { pathOf } from "../../router";
import type { ActionResult } from "../../store/action";
import type { CalendarItem } from "../../store/filings";
import { DataTable } from "../DataTable";
import { Link } from "../Link";
import { CorrectionForm } from "./CorrectionForm";
import { errorOf, FormMessage } from "../FormMessage";

export interface CalendarActions {
  write(type: CalendarItem["type"], due: string): Promise<ActionResult>;
  submit(reportId: string): Promise<ActionResult>;
  receive(reportId: string): Promise<ActionResult>;
  correct(reportId: string, reason: string): Promise<ActionResult>;
}

/** The words for a due report's state; lateness is said in days (seeds 003, 004: shown, not hidden). */
export function stateText(i: Pick<CalendarItem, "state" | "daysLate">): string {
  if (i.state === "overdue") return tf("filing.state.overdue", { days: i.daysLate });
  if (i.state === "drafted" && i.daysLate > 0) return tf("filing.state.draftedLate", { days: i.daysLate });
  if (i.state === "submitted" && i.daysLate > 0) return tf("filing.state.submittedLate", { days: i.daysLate });
  return t(`filing.state.${i.state}`);
}

/** A new version may be written while the latest one is not submitted (a correction being drafted included). */
const open = (i: CalendarItem) => !i.submitted || i.state === "correcting";

/** Every report owed since the project started, newest first, with its state and sign-offs. */
export function ReportCalendar(props: { projectId: string; items: readonly CalendarItem[]; timeZone: string; canSign: boolean; actions: CalendarActions }) {
  const [error, setError] = createSignal<string | null>(null);
  const when = (at: number) => formatDateTime(at, props.timeZone);
  const run = async (action: () => Promise<ActionResult>) => {
    const r = await action();
    setError(errorOf(r));
  };
  return (
    <>
      <FormMessage error={error()} />
      <DataTable
        label={t("filing.title")}
        class="report-calendar"
        rows={props.items}
        headers={[t("filing.col.due"), t("reports.col.type"), t("reports.col.period"), t("filing.col.state"), t("filing.col.report"), t("filing.col.actions")]}
      >
        {(i) => (
          <tr class={`filing filing--${i.state}`}>
            <th scope="row">{formatDay(i.due)}</th>
            <td>{t(reportTypeKey(i.type))}</td>
            <td>
              {formatDay(i.from)} – {formatDay(i.to)}
            </td>
            <td>
              <span class={`filing__state filing__state--${i.state}`}>{stateText(i)}</span>
              <Show when={i.drafted}>{(d) => <small class="filing__by">{tf("filing.draftedBy", { by: d().by, at: when(d().at) })}</small>}</Show>
              <Show when={i.submitted}>{(s) => <small class="filing__by">{tf("filing.submittedBy", { version: s().version, by: s().by, at: when(s().at) })}</small>}</Show>
              <Show when={i.corrected}>{(c) => <small class="filing__by">{tf("filing.correctedBy", { by: c().by, at: when(c().at), reason: c().reason })}</small>}</Show>
              <Show when={i.received}>{(r) => <small class="filing__by filing__received">{tf("filing.receivedBy", { by: r().by, at: when(r().at) })}</small>}</Show>
            </td>
            <td>
              <Show when={i.report} fallback={<span class="muted">{t("filing.notWritten")}</span>}>
                {(r) => <Link href={pathOf({ name: "report", projectId: props.projectId, reportId: r().id })}>{tf("filing.version", { version: r().version })}</Link>}
              </Show>
            </td>
            <td class="filing__actions">
              <Show when={open(i)}>
                <button type="button" class="button button--small button--quiet" onClick={() => run(() => props.actions.write(i.type, i.due))}>
                  {i.report ? t("filing.rewrite") : t("filing.write")}
                </button>
              </Show>
              <Show when={props.canSign && i.report && open(i)}>
                <button type="button" class="button button--small" onClick={() => run(() => props.actions.submit(i.report!.id))}>
                  {t("filing.submit")}
                </button>
              </Show>
              <Show when={props.canSign && (i.state === "submitted" || i.state === "corrected") && i.report}>
                <button type="button" class="button button--small" onClick={() => run(() => props.actions.receive(i.report!.id))}>
                  {t("filing.receive")}
                </button>
              </Show>
              <Show when={props.canSign && !open(i) && i.report}>
                {(r) => <CorrectionForm compact correct={(reason) => props.actions.correct(r().id, reason)} />}
              </Show>
            </td>
          </tr>
        )}
      </DataTable>
    </>
  );
}
