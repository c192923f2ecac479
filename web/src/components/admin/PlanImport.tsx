import { Show, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { t, tf } from "../../i18n";
import { FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { lineRange } from "./form-errors";
import { ImportErrors } from "./ImportErrors";
import { PlanPreview, type Preview } from "./PlanPreview";
import { send } from "./send";
import { sheetToTable, type SheetCell } from "./sheet-text";

type Target = "approved" | "funded" | "both";
type Format = "vi" | "en";
type ImportError = { line: number; column: number | null; message: string };
type PreviewBody = ({ ok: true } & Preview) | { ok: false; errors: ImportError[] };
type Checked = { ok: true; preview: Preview } | { ok: false; errors: { line: number; column: number | null; message: string }[] };

/** Paste or upload a plan table → the server's preview (the import's own parser, nothing written) →
 * confirm. Any edit of the table after a preview asks for a new one, so what is confirmed is what was seen. */
export function PlanImport(props: { projectId: string; headers: () => Record<string, string>; onImported: () => void }) {
  const [table, setTable] = createSignal("");
  const [target, setTarget] = createSignal<Target>("both");
  const [format, setFormat] = createSignal<Format>("vi");
  const [checked, setChecked] = createSignal<Checked | null>(null);
  const [failure, setFailure] = createSignal<FormErrors>({ fields: {}, message: null });
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let area!: HTMLTextAreaElement;

  const changed = (text: string) => {
    setTable(text);
    setChecked(null);
    setDone(null);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) return changed(await file.text());
    // Loaded only when someone uploads a workbook: most plans are pasted.
    try {
      const { readSheet } = await import("read-excel-file/browser");
      changed(sheetToTable((await readSheet(file)) as unknown as SheetCell[][], format()));
    } catch {
      setFailure({ fields: { table: t("plan.badWorkbook") }, message: null });
    }
  };
  const body = () => ({ table: table(), target: target(), format: format() });
  const plan = () => apiClient().projects[":projectId"].plan;

  const preview = async () => {
    setBusy(true);
    setDone(null);
    const json = body();
    const r = await send<PreviewBody>(() => plan().preview.$post({ param: { projectId: props.projectId }, json }, { headers: props.headers() }), ["table"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.errors);
    setFailure({ fields: {}, message: null });
    const b = r.body;
    setChecked(b.ok ? { ok: true, preview: { kinds: b.kinds, totals: b.totals, rows: b.rows } } : { ok: false, errors: b.errors });
  };

  const confirm = async () => {
    setBusy(true);
    const json = body();
    const r = await send<{ fonds: number }>(() => plan().import.$post({ param: { projectId: props.projectId }, json }, { headers: props.headers() }), ["table"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.errors);
    setChecked(null);
    setTable("");
    setDone(tf("plan.imported", { fonds: r.body.fonds }));
    props.onImported();
  };

  const show = (line: number) => {
    const [start, end] = lineRange(table(), line);
    area.focus();
    area.setSelectionRange(start, end);
  };

  return (
    <div class="form admin__form plan-import">
      <label class="field field--wide" classList={{ "field--invalid": !!failure().fields.table }}>
        <span>{t("plan.table")}</span>
        <textarea
          ref={area}
          name="table"
          rows={10}
          spellcheck={false}
          placeholder={"STT\tTên cơ quan, đơn vị\tSố hóa trang tài liệu\n01\tPhòng Nội vụ\t12.000"}
          value={table()}
          onInput={(e) => changed(e.currentTarget.value)}
          aria-invalid={failure().fields.table ? "true" : undefined}
          aria-describedby="table-note"
        />
        <small id="table-note" classList={{ "form-error": !!failure().fields.table }}>
          {failure().fields.table ?? t("plan.tableHint")}
        </small>
      </label>
      <div class="row">
        <label class="field">
          <span>{t("plan.upload")}</span>
          <input type="file" name="file" accept=".tsv,.csv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void upload(e.currentTarget.files?.[0])} />
        </label>
        <label class="field">
          <span>{t("plan.target")}</span>
          <select name="target" value={target()} onChange={(e) => (setTarget(e.currentTarget.value as Target), setChecked(null))}>
            <option value="both">{t("plan.targetBoth")}</option>
            <option value="approved">{t("plan.targetApproved")}</option>
            <option value="funded">{t("plan.targetFunded")}</option>
          </select>
        </label>
        <label class="field">
          <span>{t("plan.format")}</span>
          <select name="format" value={format()} onChange={(e) => (setFormat(e.currentTarget.value as Format), setChecked(null))}>
            <option value="vi">{t("plan.formatVi")}</option>
            <option value="en">{t("plan.formatEn")}</option>
          </select>
        </label>
      </div>
      <FormMessage error={failure().message} ok={done()} />
      <div class="admin__actions">
        <button type="button" class="button" disabled={busy() || table().trim() === ""} onClick={() => void preview()}>
          {t("plan.preview")}
        </button>
      </div>
      <Show when={checked()}>
        {(c) => (
          <Show
            when={c().ok ? (c() as Extract<Checked, { ok: true }>).preview : undefined}
            fallback={<ImportErrors errors={(c() as Extract<Checked, { ok: false }>).errors ?? []} onShow={show} />}
          >
            {(p) => (
              <>
                <PlanPreview preview={p()} target={target()} />
                <div class="admin__actions">
                  <button type="button" class="button button--primary" disabled={busy()} onClick={() => void confirm()}>
                    {tf("plan.confirm", { fonds: p().rows.length })}
                  </button>
                </div>
              </>
            )}
          </Show>
        )}
      </Show>
    </div>
  );
}
