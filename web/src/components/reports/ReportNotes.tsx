import { Show, createSignal } from "solid-js";
import { formatDateTime, t, tf } from "../../i18n";
import type { ActionResult } from "../../store/action";
import type { ReportNotes as Notes } from "../../store/reports";

/** The centre's difficulties (khó khăn, vướng mắc) and proposals (kiến nghị, đề xuất): a form for
 * supervisors and administrators, text for leaders (and on paper). */
export function ReportNotes(props: { notes: Notes | null; canEdit: boolean; timeZone: string; save: (n: { difficulties: string; proposals: string }) => Promise<ActionResult> }) {
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    const r = await props.save({ difficulties: String(data.get("difficulties") ?? ""), proposals: String(data.get("proposals") ?? "") });
    setBusy(false);
    setMessage(r.ok ? { ok: true, text: t("reports.saved") } : { ok: false, text: r.message || t("common.offlineAction") });
  };
  const text = (v: string | undefined) => (v && v.trim() ? v : t("reports.notesNone"));
  const stamp = () => (props.notes ? tf("reports.notesBy", { by: props.notes.updatedBy, at: formatDateTime(props.notes.updatedAt, props.timeZone) }) : "");
  // Leaders read the notes; editors get the form on screen and the same text on paper.
  const readOnly = (
    <section class="report__section report__notes" classList={{ "print-only": props.canEdit }}>
      <h2 class="section-title">{t("reports.difficulties")}</h2>
      <p class="report__text">{text(props.notes?.difficulties)}</p>
      <h2 class="section-title">{t("reports.proposals")}</h2>
      <p class="report__text">{text(props.notes?.proposals)}</p>
      <Show when={props.notes && !props.canEdit}>
        <p class="empty no-print">{stamp()}</p>
      </Show>
    </section>
  );
  return (
    <>
      {readOnly}
      <Show when={props.canEdit}>
        <form class="form report__section report__notes no-print" onSubmit={submit}>
          <label class="field field--full">
            <span class="section-title">{t("reports.difficulties")}</span>
            <textarea name="difficulties" rows={4} maxLength={10_000} value={props.notes?.difficulties ?? ""} />
          </label>
          <label class="field field--full">
            <span class="section-title">{t("reports.proposals")}</span>
            <textarea name="proposals" rows={4} maxLength={10_000} value={props.notes?.proposals ?? ""} />
          </label>
          <div>
            <button type="submit" class="button" disabled={busy()}>
              {t("reports.saveNotes")}
            </button>{" "}
            <Show when={message()}>{(m) => <span class={m().ok ? "form-ok" : "form-error"} role="status">{m().text}</span>}</Show>
            <Show when={props.notes}>
              <p class="empty">{stamp()}</p>
            </Show>
          </div>
        </form>
      </Show>
    </>
  );
}
