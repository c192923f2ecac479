import { For } from "solid-js";
import type { ProvinceSummary } from "../../../schema/province-summary";
import { formatQuantity } from "../../../schema/numbers";
import { kindName, locale, t, tf } from "../i18n";
import type { NationalConnection } from "../live/live-connection";
import { done, percent } from "../format";
import { plannedKinds } from "../live/selectors";
import type { Province } from "../store/projects";
import { DataTable } from "./DataTable";
import { StatusBadge } from "./StatusBadge";

/** A kind's share done and plan-to-date over a province: the same words as a card's kind. */
function kindCell(p: ProvinceSummary, kind: string): string {
  const k = p.kinds.find((x) => x.kind === kind);
  if (!k || !(k.target > 0)) return "—";
  return tf("national.kindCell", { done: done({ done: k.actual / k.target, status: k.status }), planToDate: percent(k.planToDate / k.target) });
}

/** Every province the user watches whole, a line each, live over one socket (the national feed). The
 * rows are there from the start, named from the province list, and fill as the lines arrive: nothing
 * below them moves. */
export function NationalTable(props: { feed: NationalConnection; provinces: readonly Province[]; folded: boolean }) {
  const lineOf = (provinceId: string) => props.feed.state().items.get(provinceId);
  const kinds = () => plannedKinds(new Map(props.provinces.flatMap((p) => (lineOf(p.id)?.kinds ?? []).map((k) => [k.kind, k.target] as const))));
  const n = (x: number | undefined) => (x === undefined ? "…" : formatQuantity(x, 0, locale()));
  return (
    <section class="national" aria-labelledby="national-title">
      <h2 id="national-title" class="section-title">
        {t("national.title")}{" "}
        <span class={`conn-dot conn-dot--${props.feed.status()}`} title={t(`status.${props.feed.status()}`)}>
          <span class="visually-hidden">{t(`status.${props.feed.status()}`)}</span>
        </span>
      </h2>
      <DataTable
        label={t("national.caption")}
        class="national__table"
        headers={[t("national.province"), t("national.status"), t("national.projects"), t("national.behind"), t("national.notStarted"), t("national.alerts"), ...kinds().map(kindName)]}
        rows={props.provinces}
      >
        {(province) => {
          const line = () => lineOf(province.id);
          return (
            <tr>
              <th scope="row">
                <a href={props.folded ? `#fold-${province.id}` : `#province-${province.id}`} onClick={() => props.folded && document.getElementById(`fold-${province.id}`)?.setAttribute("open", "")}>
                  {province.name}
                </a>
              </th>
              <td>{line() ? <StatusBadge status={line()!.status} /> : "…"}</td>
              <td>{n(line()?.projects)}</td>
              <td>{n(line()?.behind)}</td>
              <td>{n(line()?.notStarted)}</td>
              <td>{n(line()?.alertsFiring)}</td>
              <For each={kinds()}>{(k) => <td>{line() ? kindCell(line()!, k) : "…"}</td>}</For>
            </tr>
          );
        }}
      </DataTable>
    </section>
  );
}
