import { For } from "solid-js";
import { kindName, t } from "../i18n";
import type { StationThroughput } from "../live/stations";
import type { Quantity } from "../format";
import { pathOf } from "../router";
import { Link } from "./Link";

/** Per-station throughput: today and this week (since Monday), per kind with a target. */
export function StationTable(props: { projectId: string; rows: readonly StationThroughput[]; kinds: readonly string[]; quantity: Quantity }) {
  return (
    <div class="table-scroll">
      <table class="grid-table">
        <thead>
          <tr>
            <th scope="col">{t("station.name")}</th>
            <For each={props.kinds}>
              {(kind) => (
                <th scope="col">
                  {kindName(kind)}
                  <span class="grid-table__sub">{t("station.todayWeek")}</span>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows} fallback={<tr><td colSpan={props.kinds.length + 1} class="empty">{t("station.none")}</td></tr>}>
            {(row) => (
              <tr>
                <th scope="row">
                  <Link href={pathOf({ name: "station", projectId: props.projectId, stationId: row.station.id })}>{row.station.name}</Link>
                </th>
                <For each={props.kinds}>
                  {(kind) => (
                    <td>
                      <strong>{props.quantity(kind, row.today.get(kind) ?? 0)}</strong>
                      <span class="grid-table__soft"> / {props.quantity(kind, row.week.get(kind) ?? 0)}</span>
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
