import { Show, createSignal, type Accessor, type JSX } from "solid-js";
import type { ImportError } from "../../../../schema/plan/import";
import { t } from "../../i18n";
import { FormMessage } from "./Field";
import { lineRange } from "./form-errors";
import { ImportErrors } from "./ImportErrors";

/** How numbers in the table are written: 1.200,5 (vi) or 1,200.5 (en). */
export type TableFormat = "vi" | "en";
/** What a preview read: the table (`T`), or its errors at line and column. */
export type Checked<T> = ({ ok: true } & T) | { ok: false; errors: ImportError[] };
type Found<C> = Extract<C, { ok: true }>;

/** A pasted table and its preview, with the one rule of both imports: any edit of the table or of how it
 * is read drops the preview (and a saved table's message), so what is confirmed is what was seen. */
export function createPastedTable<C extends Checked<unknown>>() {
  const [text, setText] = createSignal("");
  const [format, setFormat] = createSignal<TableFormat>("vi");
  const [checked, setChecked] = createSignal<C | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const reread = (change: () => void) => {
    change();
    setChecked(null);
  };
  return {
    text,
    format,
    checked,
    setChecked,
    done,
    setDone,
    edit(table: string) {
      setText(table);
      setChecked(null);
      setDone(null);
    },
    /** A change of how the table is read (its number format, what it targets). */
    reread,
    reformat: (f: TableFormat) => reread(() => setFormat(f)),
    /** The table was stored: it empties, and `message` says what was stored. */
    saved(message: string) {
      setChecked(null);
      setText("");
      setDone(message);
    },
  };
}
export type PastedTableState<C extends Checked<unknown>> = ReturnType<typeof createPastedTable<C>>;

/** The form of a table pasted to be imported (the plan, the weekly/monthly targets): the table, how it is
 * read (`children`), the form's message, "preview", then what the preview read (`preview`) with its
 * confirm button, or the table's errors, whose line numbers select that line in the table. */
export function PastedTable<C extends Checked<unknown>>(props: {
  table: PastedTableState<C>;
  /** The textarea: its form name, height, label, hint below it, and an example table as placeholder. */
  field: { name: string; rows: number; label: string; hint: string; placeholder: string };
  /** What is wrong with the table as a whole, said in place of the hint. */
  error?: string;
  message: string | null;
  busy: boolean;
  onPreview: () => void;
  preview: (found: Accessor<Found<C>>) => JSX.Element;
  confirmLabel: (found: Found<C>) => string;
  onConfirm: (found: Found<C>) => void;
  children?: JSX.Element;
}) {
  let area!: HTMLTextAreaElement;
  const noteId = () => `${props.field.name}-note`;
  const show = (line: number) => {
    const [start, end] = lineRange(props.table.text(), line);
    area.focus();
    area.setSelectionRange(start, end);
  };

  return (
    <div class="form admin__form plan-import">
      <label class="field field--wide" classList={{ "field--invalid": !!props.error }}>
        <span>{props.field.label}</span>
        <textarea
          ref={area}
          name={props.field.name}
          rows={props.field.rows}
          spellcheck={false}
          placeholder={props.field.placeholder}
          value={props.table.text()}
          onInput={(e) => props.table.edit(e.currentTarget.value)}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={noteId()}
        />
        <small id={noteId()} classList={{ "form-error": !!props.error }}>
          {props.error ?? props.field.hint}
        </small>
      </label>
      {props.children}
      <FormMessage error={props.message} ok={props.table.done()} />
      <div class="admin__actions">
        <button type="button" class="button" disabled={props.busy || props.table.text().trim() === ""} onClick={() => props.onPreview()}>
          {t("plan.preview")}
        </button>
      </div>
      <Show when={props.table.checked()}>
        {(c) => {
          const found = () => {
            const v = c();
            return v.ok ? (v as Found<C>) : undefined;
          };
          const errors = () => {
            const v = c();
            return v.ok ? [] : (v as Extract<Checked<unknown>, { ok: false }>).errors;
          };
          return (
            <Show when={found()} fallback={<ImportErrors errors={errors()} onShow={show} />}>
              {(f) => (
                <>
                  {props.preview(f)}
                  <div class="admin__actions">
                    <button type="button" class="button button--primary" disabled={props.busy} onClick={() => props.onConfirm(f())}>
                      {props.confirmLabel(f())}
                    </button>
                  </div>
                </>
              )}
            </Show>
          );
        }}
      </Show>
    </div>
  );
}

/** How the table's numbers are written; changing it drops the preview, which read them the other way. */
export function TableFormatSelect(props: { name: string; table: Pick<PastedTableState<Checked<unknown>>, "format" | "reformat"> }) {
  return (
    <label class="field">
      <span>{t("plan.format")}</span>
      <select name={props.name} value={props.table.format()} onChange={(e) => props.table.reformat(e.currentTarget.value as TableFormat)}>
        <option value="vi">{t("plan.formatVi")}</option>
        <option value="en">{t("plan.formatEn")}</option>
      </select>
    </label>
  );
}
