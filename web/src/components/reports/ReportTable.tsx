import { For, createMemo } from "solid-js";
import { displayValue, reportSheet } from "../../../../schema/reports/columns";
import type { ReportContent } from "../../../../schema/reports/content";
import { locale, t } from "../../i18n";

/** The report's table, from the same column model as its CSV and XLSX (schema/reports/columns.ts):
 * STT, fonds, then per kind the period's results, plan, cumulative, target, ratings and next target. */
export function ReportTable(props: { content: ReportContent }) {
  const sheet = createMemo(() => {
    const decimals = Object.fromEntries(props.content.kinds.map((k) => [k.key, k.decimals]));
    return reportSheet(props.content.table, decimals, locale());
  });
  const numeric = (i: number) => sheet().columns[i]?.decimals !== null;
  return (
    <section class="report__section" aria-labelledby="report-table-title">
      <h2 id="report-table-title" class="section-title">
        {t("reports.results")}
      </h2>
      <div class="table-scroll">
        <table class="report-table">
          <thead>
            <tr>
              <For each={sheet().columns}>{(c, i) => <th scope="col" classList={{ num: numeric(i()) }}>{c.title}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={sheet().rows}>
              {(row) => (
                <tr>
                  <For each={row}>
                    {(v, i) =>
                      i() === 1 ? (
                        <th scope="row">{String(v)}</th>
                      ) : (
                        <td classList={{ num: numeric(i()) }}>{displayValue(v, sheet().columns[i()]!, locale())}</td>
                      )
                    }
                  </For>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr class="report-table__totals">
              <For each={sheet().totals}>
                {(v, i) =>
                  i() === 0 ? (
                    <th scope="row" colSpan={2}>
                      {String(v)}
                    </th>
                  ) : i() === 1 ? null : (
                    <td classList={{ num: numeric(i()) }}>{displayValue(v, sheet().columns[i()]!, locale())}</td>
                  )
                }
              </For>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
