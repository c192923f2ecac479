import { For, createSignal } from "solid-js";
import { fromBaseUnits, kindDecimals } from "../../../../schema/kinds";
import { formatQuantity } from "../../../../schema/numbers";
import { parsePeriodTable, type PeriodRow, type PeriodTableResult } from "../../../../schema/plan/periods";
import type { ImportError } from "../../../../schema/plan/import";
import type { FondsPlan } from "../../../../schema/wire";
import { apiClient } from "../../api";
import { showDay } from "../../days";
import { kindName, locale, t, tf } from "../../i18n";
import { PastedTable, TableFormatSelect, createPastedTable } from "./PastedTable";

/** An example table, the textarea's placeholder. */
const EXAMPLE = "Mã phông\tLoại công việc\tTừ ngày\tĐến ngày\tKhối lượng\n1\tSố hóa trang tài liệu\t02/03/2026\t08/03/2026\t1.200";

/** An error the server still finds ("rows.3.amount") goes back to the line and column it came from. */
function serverErrors(body: unknown, rows: readonly PeriodRow[], columns: Record<string, number>): ImportError[] | null {
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) return null;
  const pinned = details.flatMap((d: { path?: string; message?: string }) => {
    const m = /^rows\.(\d+)\.?(\w*)$/.exec(d.path ?? "");
    const row = m ? rows[Number(m[1])] : undefined;
    return row ? [{ line: row.line, column: columns[m![2]!] ?? null, message: d.message ?? "" }] : [];
  });
  return pinned.length > 0 ? pinned : null;
}

/** Weekly/monthly targets: paste a table → a preview read by the shared parser (schema/plan/periods.ts;
 * nothing sent) with its rows, totals and errors at line and column → confirm, which sends the rows to
 * POST /projects/:id/plan/periods. Editing the table after a preview asks for a new one. */
export function PeriodImport(props: { projectId: string; fonds: readonly FondsPlan[]; headers: () => Record<string, string> }) {
  const pasted = createPastedTable<PeriodTableResult>();
  const [message, setMessage] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const preview = () => {
    setMessage(null);
    pasted.setChecked(parsePeriodTable(pasted.text(), { fonds: new Set(props.fonds.map((f) => f.code)), format: pasted.format() }));
  };
  const confirm = async (rows: PeriodRow[], columns: Record<string, number>) => {
    setBusy(true);
    const json = { rows: rows.map((r) => ({ fonds: r.fonds, kind: r.kind, from: r.from, to: r.to, amount: fromBaseUnits(r.amount, kindDecimals(r.kind) ?? 0) })) };
    try {
      const res = await apiClient().projects[":projectId"].plan.periods.$post({ param: { projectId: props.projectId }, json }, { headers: props.headers() });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const pinned = serverErrors(body, rows, columns);
        if (pinned) pasted.setChecked({ ok: false, errors: pinned });
        else setMessage((body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`);
        return;
      }
      pasted.saved(tf("periods.saved", { rows: rows.length }));
    } catch {
      setMessage(t("common.offlineAction"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PastedTable
      table={pasted}
      field={{ name: "periods", rows: 8, label: t("periods.table"), hint: t("periods.tableHint"), placeholder: EXAMPLE }}
      message={message()}
      busy={busy()}
      onPreview={preview}
      preview={(found) => <PeriodPreview rows={found().rows} kinds={found().kinds} totals={found().totals} fonds={props.fonds} />}
      confirmLabel={(found) => tf("periods.confirm", { rows: found.rows.length })}
      onConfirm={(found) => void confirm(found.rows, found.columns)}
    >
      <TableFormatSelect name="periodsFormat" table={pasted} />
    </PastedTable>
  );
}

function PeriodPreview(props: { rows: PeriodRow[]; kinds: string[]; totals: Record<string, number>; fonds: readonly FondsPlan[] }) {
  const q = (kind: string, amount: number) => formatQuantity(amount, kindDecimals(kind) ?? 0, locale());
  const name = (code: string) => props.fonds.find((f) => f.code === code)?.name ?? "";
  const pairs = () => new Set(props.rows.map((r) => `${r.fonds}/${r.kind}`)).size;
  return (
    <section class="plan-preview" aria-labelledby="periods-preview-title">
      <h3 id="periods-preview-title" class="section-title">
        {tf("periods.previewTitle", { rows: props.rows.length })}
      </h3>
      <p class="plan-preview__note">
        {t("plan.previewNote")} {tf("periods.replaces", { pairs: pairs() })}
      </p>
      <div class="table-scroll">
        <table class="grid-table period-preview">
          <thead>
            <tr>
              <th scope="col">{t("plan.line")}</th>
              <th scope="col">{t("plan.code")}</th>
              <th scope="col">{t("plan.fondsName")}</th>
              <th scope="col">{t("periods.kind")}</th>
              <th scope="col">{t("periods.from")}</th>
              <th scope="col">{t("periods.to")}</th>
              <th scope="col" class="num">
                {t("periods.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(r) => (
                <tr>
                  <td>{r.line}</td>
                  <td>{r.fonds}</td>
                  <th scope="row">{name(r.fonds)}</th>
                  <td>{kindName(r.kind)}</td>
                  <td>{showDay(r.from)}</td>
                  <td>{showDay(r.to)}</td>
                  <td class="num">{q(r.kind, r.amount)}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <For each={props.kinds}>
              {(k) => (
                <tr class="plan-preview__totals">
                  <th scope="row" colSpan={6}>
                    {t("plan.total")} · {kindName(k)}
                  </th>
                  <td class="num">{q(k, props.totals[k] ?? 0)}</td>
                </tr>
              )}
            </For>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
