import { For, Show, createMemo, createSignal } from "solid-js";
import { AlertFeed } from "../components/AlertFeed";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { DailyOutput } from "../components/DailyOutput";
import { ProjectHeader } from "../components/ProjectHeader";
import { DAILY_CHART_DAYS } from "../components/StationPanel";
import { kindName, t } from "../i18n";
import { alertsAbout } from "../live/alerts";
import { chartKind } from "../live/figures";
import { knownStations, lastDays, stationSeries, stationThroughput } from "../live/stations";
import { atLeast } from "../roles";
import { pathOf } from "../router";
import { useProject } from "../store/project";

/** One scan station: what it did today, this week and over the last weeks, and its alerts (silence). */
export default function StationView(props: { projectId: string; stationId: string }) {
  const m = useProject(props.projectId);
  const stationDays = createMemo(() => m.state().stationDays);
  const station = createMemo(() => knownStations(m.state().stations, stationDays()).find((s) => s.id === props.stationId));
  const [chosen, setChosen] = createSignal<string | null>(null);
  const kind = () => chartKind(m.kindKeys(), chosen());
  const days = createMemo(() => lastDays(m.today(), DAILY_CHART_DAYS));
  const throughput = createMemo(() => {
    const s = station();
    return s ? stationThroughput([s], stationDays(), m.kindKeys(), m.today())[0] : undefined;
  });
  const series = createMemo(() => {
    const s = station();
    return s ? [{ id: s.id, label: s.name, data: stationSeries([s], stationDays(), kind(), days()).get(s.id) ?? [] }] : [];
  });
  const recent = (k: string) => (stationSeries(station() ? [station()!] : [], stationDays(), k, days()).get(props.stationId) ?? []).reduce((a, b) => a + b, 0);
  return (
    <div class="view">
      <Breadcrumbs
        trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: station()?.name ?? t("station.title") }]}
      />
      <ProjectHeader model={m} title={station()?.name ?? t("station.unknown")} status="hidden" />
      <Show when={m.loaded() && throughput()}>
        {(tp) => (
          <section class="panel" aria-labelledby="station-kinds">
            <h2 id="station-kinds" class="section-title">
              {t("station.throughput")}
            </h2>
            <div class="table-scroll">
              <table class="grid-table">
                <thead>
                  <tr>
                    <th scope="col">{t("station.kind")}</th>
                    <th scope="col">{t("station.today")}</th>
                    <th scope="col">{t("station.week")}</th>
                    <th scope="col">{t("station.recent")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={m.kindKeys()}>
                    {(k) => (
                      <tr>
                        <th scope="row">{kindName(k)}</th>
                        <td>{m.quantity(k, tp().today.get(k) ?? 0)}</td>
                        <td>{m.quantity(k, tp().week.get(k) ?? 0)}</td>
                        <td>{m.quantity(k, recent(k))}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <DailyOutput kinds={m.kindKeys()} kind={kind()} onKind={setChosen} days={days()} series={series()} quantity={m.quantity} />
          </section>
        )}
      </Show>
      <Show when={m.loaded() && !station()}>
        <p class="notice notice--error">{t("station.unknown")}</p>
      </Show>
      {/* With the snapshot, below its figures: drawn before, it would be pushed down when they arrive. */}
      <Show when={m.loaded()}>
        <AlertFeed
          projectId={props.projectId}
          alerts={alertsAbout(m.alerts(), { station: props.stationId })}
          ctx={m.alertContext}
          canAct={atLeast(m.role(), "supervisor")}
        />
      </Show>
    </div>
  );
}
