import { For, Show, createMemo, createSignal } from "solid-js";
import { kindName, t, tf } from "../i18n";
import type { FondsRow } from "../live/figures";
import { filterFonds, sortFonds, type SortDir, type SortKey } from "../live/fonds-list";
import { barText, done, type Quantity } from "../format";
import { pathOf } from "../router";
import { Link } from "./Link";
import { ProgressBar } from "./ProgressBar";
import { StatusBadge } from "./StatusBadge";

/** One row per fonds (phông), one column per kind with a target: actual / target, a bar with the
 * plan-to-date marker; sortable by any column, filtered by a search that ignores diacritics. */
export function FondsTable(props: { projectId: string; rows: readonly FondsRow[]; kinds: readonly string[]; quantity: Quantity }) {
  const [query, setQuery] = createSignal("");
  const [behindOnly, setBehindOnly] = createSignal(false);
  const [sort, setSort] = createSignal<{ key: SortKey; dir: SortDir }>({ key: "code", dir: "asc" });
  const shown = createMemo(() => {
    const rows = filterFonds(props.rows, query()).filter((r) => !behindOnly() || r.status === "behind");
    return sortFonds(rows, sort().key, sort().dir);
  });
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key.startsWith("kind:") ? "desc" : "asc" }));
  const ariaSort = (key: SortKey) => (sort().key === key ? (sort().dir === "asc" ? "ascending" : "descending") : "none");

  const Header = (p: { key: SortKey; label: string }) => (
    <th scope="col" aria-sort={ariaSort(p.key)}>
      <button type="button" class="sort" onClick={() => sortBy(p.key)}>
        {p.label}
        <span class="sort__arrow" aria-hidden="true">
          {sort().key === p.key ? (sort().dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );

  return (
    <section class="fonds" aria-labelledby="fonds-title">
      <div class="section-head">
        <h2 id="fonds-title" class="section-title">
          {t("fonds.title")} <span class="count">({tf("fonds.shown", { shown: shown().length, total: props.rows.length })})</span>
        </h2>
        <div class="fonds__tools">
          <label class="search">
            <span class="visually-hidden">{t("fonds.search")}</span>
            <input type="search" placeholder={t("fonds.search")} value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          <label class="check">
            <input type="checkbox" checked={behindOnly()} onChange={(e) => setBehindOnly(e.currentTarget.checked)} />
            {t("fonds.behindOnly")}
          </label>
        </div>
      </div>
      {/* Focusable, so a keyboard can scroll the columns a phone cannot show (as DataTable.tsx). */}
      <div class="fonds__scroll" tabindex="0" role="region" aria-labelledby="fonds-title">
        <table class="fonds__table">
          <thead>
            <tr>
              <Header key="code" label={t("fonds.code")} />
              <Header key="name" label={t("fonds.name")} />
              <Header key="status" label={t("fonds.status")} />
              <For each={props.kinds}>{(kind) => <Header key={`kind:${kind}`} label={kindName(kind)} />}</For>
            </tr>
          </thead>
          <tbody>
            <For each={shown()} fallback={<tr><td colSpan={props.kinds.length + 3} class="empty">{t("fonds.noMatch")}</td></tr>}>
              {(row) => (
                <tr>
                  <td class="fonds__code">{row.fonds.code}</td>
                  <th scope="row">
                    <Link href={pathOf({ name: "fonds", projectId: props.projectId, code: row.fonds.code })}>{row.fonds.name}</Link>
                    <Show when={row.fonds.restricted}>
                      {" "}
                      <span class="tag">{t("fonds.restricted")}</span>
                    </Show>
                  </th>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <For each={props.kinds}>
                    {(kind) => (
                      <td>
                        <Show when={row.kinds.get(kind)} fallback={<span class="fonds__none" title={t("fonds.noPlan")}>—</span>}>
                          {(p) => (
                            <>
                              <span class="fonds__actual">{props.quantity(kind, p().actual)}</span>
                              <span class="fonds__plan"> / {props.quantity(kind, p().target)}</span>
                              <span class="fonds__pct"> · {done(p())}</span>
                              <ProgressBar ratio={p().done} expected={p().expected} status={p().status} label={`${row.fonds.name}: ${kindName(kind)}`} valueText={barText(p(), props.quantity)} thin />
                            </>
                          )}
                        </Show>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
