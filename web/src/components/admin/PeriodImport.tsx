import { For, Show, createSignal } from "solid-js";
import { fromBaseUnits, kindDecimals } from "../../../../schema/kinds";
import { formatQuantity } from "../../../../schema/numbers";
import { parsePeriodTable, type PeriodRow, type PeriodTableResult } from "../../../../schema/plan/periods";
import type { ImportError } from "../../../../schema/plan/import";
import type { FondsPlan } from "../../../../schema/wire";
import { apiClient } from "../../api";
import { showDay } from "../../days";
import { kindName, locale, t, tf } from "../../i18n";
import { FormMessage } from "./Field";
import { lineRange } from "./form-errors";
import { ImportErrors } from "./ImportErrors";

type Format = "vi" | "en";
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
  const [table, setTable] = createSignal("");
  const [format, setFormat] = createSignal<Format>("vi");
  const [checked, setChecked] = createSignal<PeriodTableResult | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let area!: HTMLTextAreaElement;

  const changed = (text: string) => {
    setTable(text);
    setChecked(null);
    setDone(null);
  };
  const preview = () => {
    setMessage(null);
    setChecked(parsePeriodTable(table(), { fonds: new Set(props.fonds.map((f) => f.code)), format: format() }));
  };
  const confirm = async (rows: PeriodRow[], columns: Record<string, number>) => {
    setBusy(true);
    const json = { rows: rows.map((r) => ({ fonds: r.fonds, kind: r.kind, from: r.from, to: r.to, amount: fromBaseUnits(r.amount, kindDecimals(r.kind) ?? 0) })) };
    try {
      const res = await apiClient().projects[":projectId"].plan.periods.$post({ param: { projectId: props.projectId }, json }, { headers: props.headers() });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const pinned = serverErrors(body, rows, columns);
        if (pinned) setChecked({ ok: false, errors: pinned });
        else setMessage((body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`);
        return;
      }
      setChecked(null);
      setTable("");
      setDone(tf("periods.saved", { rows: rows.length }));
    } catch {
      setMessage(t("common.offlineAction"));
    } finally {
      setBusy(false);
    }
  };
  const show = (line: number) => {
    const [start, end] = lineRange(table(), line);
    area.focus();
    area.setSelectionRange(start, end);
  };

  return (
    <div class="form admin__form plan-import">
      <label class="field field--wide">
        <span>{t("periods.table")}</span>
        <textarea
          ref={area}
          name="periods"
          rows={8}
          spellcheck={false}
          placeholder={"Mã phông\tLoại công việc\tTừ ngày\tĐến ngày\tKhối lượng\n1\tSố hóa trang tài liệu\t02/03/2026\t08/03/2026\t1.200"}
          value={table()}
          onInput={(e) => changed(e.currentTarget.value)}
          aria-describedby="periods-note"
        />
        <small id="periods-note">{t("periods.tableHint")}</small>
      </label>
      <label class="field">
        <span>{t("plan.format")}</span>
        <select name="periodsFormat" value={format()} onChange={(e) => (setFormat(e.currentTarget.value as Format), setChecked(null))}>
          <option value="vi">{t("plan.formatVi")}</option>
          <option value="en">{t("plan.formatEn")}</option>
        </select>
      </label>
      <FormMessage error={message()} ok={done()} />
      <div class="admin__actions">
        <button type="button" class="button" disabled={busy() || table().trim() === ""} onClick={preview}>
          {t("plan.preview")}
        </button>
      </div>
      <Show when={checked()}>
        {(c) => {
          const result = c();
          return result.ok ? (
            <>
              <PeriodPreview rows={result.rows} kinds={result.kinds} totals={result.totals} fonds={props.fonds} />
              <div class="admin__actions">
                <button type="button" class="button button--primary" disabled={busy()} onClick={() => void confirm(result.rows, result.columns)}>
                  {tf("periods.confirm", { rows: result.rows.length })}
                </button>
              </div>
            </>
          ) : (
            <ImportErrors errors={result.errors} onShow={show} />
          );
        }}
      </Show>
    </div>
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
