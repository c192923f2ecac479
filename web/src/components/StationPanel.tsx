import { createMemo, createSignal } from "solid-js";
import { t } from "../i18n";
import { chartKind } from "../live/figures";
import { knownStations, lastDays, stationSeries, stationThroughput } from "../live/stations";
import type { ProjectModel } from "../store/project";
import { DailyOutput } from "./DailyOutput";
import { StationTable } from "./StationTable";

/** Days of output per station on the project page's chart. */
export const DAILY_CHART_DAYS = 30;

/** The project's scan stations: throughput today and this week, and output per day stacked by station. */
export function StationPanel(props: { model: ProjectModel }) {
  const m = props.model;
  const [chosen, setChosen] = createSignal<string | null>(null);
  const kind = () => chartKind(m.kindKeys(), chosen());
  const stationDays = createMemo(() => m.state().stationDays);
  const stations = createMemo(() => knownStations(m.state().stations, stationDays()));
  const rows = createMemo(() => stationThroughput(stations(), stationDays(), m.kindKeys(), m.today()));
  const days = createMemo(() => lastDays(m.today(), DAILY_CHART_DAYS));
  const series = createMemo(() => {
    const byStation = stationSeries(stations(), stationDays(), kind(), days());
    return stations().map((s) => ({ id: s.id, label: s.name, data: byStation.get(s.id) ?? [] }));
  });
  return (
    <section class="panel stations" aria-labelledby="stations-title">
      <h2 id="stations-title" class="section-title">
        {t("station.title")}
      </h2>
      <StationTable projectId={m.projectId} rows={rows()} kinds={m.kindKeys()} quantity={m.quantity} seen={m.state().stationsSeen} timeZone={m.timeZone()} />
      <DailyOutput kinds={m.kindKeys()} kind={kind()} onKind={setChosen} days={days()} series={series()} quantity={m.quantity} />
    </section>
  );
}
