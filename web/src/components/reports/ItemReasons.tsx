import { For, Show, createMemo, createSignal } from "solid-js";
import type { ReportContent } from "../../../../schema/reports/content";
import { isBehind, reasonFor } from "../../../../schema/reports/document";
import { kindName, locale, t } from "../../i18n";
import type { ReportNotes } from "../../store/reports";
import { HeldNotice, TheirVersion } from "./DraftNotice";
import { createNotesDraft, type NotesDraftOptions } from "./notes-draft";
import { outcomeOf } from "../FormMessage";

/** The centre's reason for each item behind plan (lý do, seed 000), as it goes into the document:
 * prefilled from the alerts that fired; a form for supervisors and admins, a list for leaders. */
export function ItemReasons(props: { content: ReportContent; notes: ReportNotes | null; canEdit: boolean; timeZone: string; save: NotesDraftOptions["save"]; put: (n: ReportNotes) => void }) {
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const items = createMemo(() =>
    props.content.table.rows.flatMap((r) =>
      props.content.table.kinds
        .filter((k) => isBehind(r.cells[k]!) || props.notes?.reasons[`${r.code}/${k}`])
        .map((k) => {
          const key = `${r.code}/${k}`;
          return { key, label: `${r.name} — ${kindName(k)}`, reason: reasonFor(props.content, props.notes, key, locale()) };
        }),
    ),
  );
  // A reason never written shows the one prefilled from the alerts (schema/reports/document.ts).
  const fieldKeys = createMemo(() => items().map((i) => `reasons/${i.key}`), [], { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) });
  const shown = (f: string, stored: string | undefined) => stored ?? reasonFor(props.content, null, f.slice("reasons/".length), locale());
  const draft = createNotesDraft({ notes: () => props.notes, fields: fieldKeys, shown, save: (b) => props.save(b), put: (n) => props.put(n) });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const r = await draft.save();
    setMessage(outcomeOf(r, t(r.ok && r.unchanged ? "reports.nothingChanged" : "reports.saved")));
  };
  return (
    <section class="report__section item-reasons no-print" aria-labelledby="item-reasons-title">
      <h2 id="item-reasons-title" class="section-title">
        {t("reports.itemReasons")}
      </h2>
      <Show when={items().length > 0} fallback={<p class="empty">{t("reports.noBehind")}</p>}>
        <Show
          when={props.canEdit}
          fallback={
            <ul class="report__list">
              <For each={items()}>{(i) => <li><strong>{i.label}</strong>: {i.reason || t("reports.notesNone")}</li>}</For>
            </ul>
          }
        >
          <form class="form" onSubmit={submit}>
            <HeldNotice draft={draft} timeZone={props.timeZone} />
            <For each={items()}>
              {(i) => (
                <>
                  <label class="field field--full">
                    <span>{i.label}</span>
                    <textarea name={i.key} rows={2} maxLength={2000} value={draft.text(`reasons/${i.key}`)} onInput={(e) => draft.setText(`reasons/${i.key}`, e.currentTarget.value)} />
                  </label>
                  <TheirVersion draft={draft} field={`reasons/${i.key}`} by={props.notes?.updatedBy ?? ""} />
                </>
              )}
            </For>
            <div>
              <button type="submit" class="button">
                {t("reports.saveReasons")}
              </button>{" "}
              <Show when={message()}>{(m) => <span class={m().ok ? "form-ok" : "form-error"} role="status">{m().text}</span>}</Show>
            </div>
          </form>
        </Show>
      </Show>
    </section>
  );
}
