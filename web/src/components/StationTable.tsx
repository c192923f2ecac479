import { For } from "solid-js";
import { parseClientLabel } from "../../../schema/station-client";
import { formatDateTime, kindName, t, tf } from "../i18n";
import type { StationThroughput } from "../live/stations";
import type { Quantity } from "../format";
import { pathOf } from "../router";
import { Link } from "./Link";

/** What posted a station's counters, in words: the agent counts from the scanned files, a person types. */
export function clientText(label: string | null): string {
  const c = parseClientLabel(label);
  if (!c) return "—";
  return c.kind === "agent" ? tf("station.client.agent", { version: c.version }) : t(`station.client.${c.kind}`);
}

/** Per-station throughput: today and this week (since Monday), per kind with a target; when it last
 * posted and whether the scan-PC agent or a person posts for it. */
export function StationTable(props: {
  projectId: string;
  rows: readonly StationThroughput[];
  kinds: readonly string[];
  quantity: Quantity;
  seen: ReadonlyMap<string, { lastPostAt: number; client: string | null }>;
  timeZone: string;
}) {
  return (
    // Focusable, so a keyboard can scroll the columns a phone cannot show (as DataTable.tsx).
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="stations-title">
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
            <th scope="col">{t("station.lastPost")}</th>
            <th scope="col">{t("station.client")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows} fallback={<tr><td colSpan={props.kinds.length + 3} class="empty">{t("station.none")}</td></tr>}>
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
                <td>{props.seen.get(row.station.id) ? formatDateTime(props.seen.get(row.station.id)!.lastPostAt, props.timeZone) : t("station.neverPosted")}</td>
                <td>{clientText(props.seen.get(row.station.id)?.client ?? null)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
