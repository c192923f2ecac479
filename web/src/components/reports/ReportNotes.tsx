import { Show, createSignal } from "solid-js";
import { formatDateTime, t, tf } from "../../i18n";
import type { ReportNotes as Notes } from "../../store/reports";
import { HeldNotice, TheirVersion } from "./DraftNotice";
import { createNotesDraft, type NotesDraftOptions } from "./notes-draft";
import { outcomeOf } from "../FormMessage";

const FIELDS = ["difficulties", "proposals"];

/** The centre's difficulties (khó khăn, vướng mắc) and proposals (kiến nghị, đề xuất): a form for
 * supervisors and administrators, text for leaders (and on paper). Others' saves land live in a field
 * the user has not touched (notes-draft.ts). */
export function ReportNotes(props: { notes: Notes | null; canEdit: boolean; timeZone: string; save: NotesDraftOptions["save"]; put: (n: Notes) => void }) {
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const draft = createNotesDraft({ notes: () => props.notes, fields: () => FIELDS, shown: (_, v) => v ?? "", save: (b) => props.save(b), put: (n) => props.put(n) });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await draft.save();
    setBusy(false);
    setMessage(outcomeOf(r, t(r.ok && r.unchanged ? "reports.nothingChanged" : "reports.saved")));
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
          <HeldNotice draft={draft} timeZone={props.timeZone} />
          <label class="field field--full">
            <span class="section-title">{t("reports.difficulties")}</span>
            <textarea name="difficulties" rows={4} maxLength={10_000} value={draft.text("difficulties")} onInput={(e) => draft.setText("difficulties", e.currentTarget.value)} />
          </label>
          <TheirVersion draft={draft} field="difficulties" by={props.notes?.updatedBy ?? ""} />
          <label class="field field--full">
            <span class="section-title">{t("reports.proposals")}</span>
            <textarea name="proposals" rows={4} maxLength={10_000} value={draft.text("proposals")} onInput={(e) => draft.setText("proposals", e.currentTarget.value)} />
          </label>
          <TheirVersion draft={draft} field="proposals" by={props.notes?.updatedBy ?? ""} />
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
