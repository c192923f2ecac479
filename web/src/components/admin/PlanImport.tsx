import { createSignal } from "solid-js";
import type { ImportError } from "../../../../schema/plan/import";
import { apiClient } from "../../api";
import { t, tf } from "../../i18n";
import type { FormErrors } from "./form-errors";
import { PastedTable, TableFormatSelect, createPastedTable, type Checked } from "./PastedTable";
import { PlanPreview, type Preview } from "./PlanPreview";
import { send } from "./send";
import { sheetToTable, type SheetCell } from "./sheet-text";

type Target = "approved" | "funded" | "both";
/** An example table, the textarea's placeholder. */
const EXAMPLE = "STT\tTên cơ quan, đơn vị\tSố hóa trang tài liệu\n01\tPhòng Nội vụ\t12.000";
type PreviewBody = ({ ok: true } & Preview) | { ok: false; errors: ImportError[] };

/** Paste or upload a plan table → the server's preview (the import's own parser, nothing written) →
 * confirm. Any edit of the table after a preview asks for a new one, so what is confirmed is what was seen. */
export function PlanImport(props: { projectId: string; headers: () => Record<string, string>; onImported: () => void }) {
  const pasted = createPastedTable<Checked<Preview>>();
  const [target, setTarget] = createSignal<Target>("both");
  const [failure, setFailure] = createSignal<FormErrors>({ fields: {}, message: null });
  const [busy, setBusy] = createSignal(false);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) return pasted.edit(await file.text());
    // Loaded only when someone uploads a workbook: most plans are pasted.
    try {
      const { readSheet } = await import("read-excel-file/browser");
      pasted.edit(sheetToTable((await readSheet(file)) as unknown as SheetCell[][], pasted.format()));
    } catch {
      setFailure({ fields: { table: t("plan.badWorkbook") }, message: null });
    }
  };
  const body = () => ({ table: pasted.text(), target: target(), format: pasted.format() });
  const plan = () => apiClient().projects[":projectId"].plan;

  const preview = async () => {
    setBusy(true);
    pasted.setDone(null);
    const json = body();
    const r = await send<PreviewBody>(() => plan().preview.$post({ param: { projectId: props.projectId }, json }, { headers: props.headers() }), ["table"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.errors);
    setFailure({ fields: {}, message: null });
    const b = r.body;
    pasted.setChecked(b.ok ? { ok: true, kinds: b.kinds, totals: b.totals, rows: b.rows } : { ok: false, errors: b.errors });
  };

  const confirm = async () => {
    setBusy(true);
    const json = body();
    const r = await send<{ fonds: number }>(() => plan().import.$post({ param: { projectId: props.projectId }, json }, { headers: props.headers() }), ["table"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.errors);
    pasted.saved(tf("plan.imported", { fonds: r.body.fonds }));
    props.onImported();
  };

  return (
    <PastedTable
      table={pasted}
      field={{ name: "table", rows: 10, label: t("plan.table"), hint: t("plan.tableHint"), placeholder: EXAMPLE }}
      error={failure().fields.table}
      message={failure().message}
      busy={busy()}
      onPreview={() => void preview()}
      preview={(p) => <PlanPreview preview={p()} target={target()} />}
      confirmLabel={(p) => tf("plan.confirm", { fonds: p.rows.length })}
      onConfirm={() => void confirm()}
    >
      <div class="row">
        <label class="field">
          <span>{t("plan.upload")}</span>
          <input type="file" name="file" accept=".tsv,.csv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void upload(e.currentTarget.files?.[0])} />
        </label>
        <label class="field">
          <span>{t("plan.target")}</span>
          <select name="target" value={target()} onChange={(e) => pasted.reread(() => setTarget(e.currentTarget.value as Target))}>
            <option value="both">{t("plan.targetBoth")}</option>
            <option value="approved">{t("plan.targetApproved")}</option>
            <option value="funded">{t("plan.targetFunded")}</option>
          </select>
        </label>
        <TableFormatSelect name="format" table={pasted} />
      </div>
    </PastedTable>
  );
}
