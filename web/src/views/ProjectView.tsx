import { For, Show, createMemo, createSignal } from "solid-js";
import { BurnUpChart } from "../charts/BurnUpChart";
import { burnUp } from "../charts/burnup-data";
import { AlertFeed } from "../components/AlertFeed";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { FondsTable } from "../components/FondsTable";
import { KindCard } from "../components/KindCard";
import { Link } from "../components/Link";
import { NewAlerts } from "../components/NewAlerts";
import { Presence } from "../components/Presence";
import { ProjectHeader } from "../components/ProjectHeader";
import { StationPanel } from "../components/StationPanel";
import { KindPicker } from "../components/KindPicker";
import { focusWhenShown } from "../focus-rescue";
import { t, tf } from "../i18n";
import { firingCount } from "../live/alerts";
import { chartKind, kindItems } from "../live/figures";
import { atLeast } from "../roles";
import { pathOf } from "../router";
import { useApp } from "../store/context";
import { useProject } from "../store/project";

/** One project: headline vs plan, burn-up, fonds, stations, presence and alerts. */
export default function ProjectView(props: { projectId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const [chosen, setChosen] = createSignal<string | null>(null);
  const kind = () => chartKind(m.kindKeys(), chosen());
  const series = createMemo(() => {
    const p = m.period();
    const f = m.kinds().find((k) => k.kind === kind());
    if (!p || !f) return null;
    return burnUp({ daily: m.daily().get(f.kind) ?? [], target: f.target, items: kindItems(m.state(), f.kind), ...p, rate: f.currentRate, forecastDay: f.forecastDay });
  });
  return (
    <div class="view">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId }]} />
      <ProjectHeader model={m}>
        <p class="project__links">
          {/* The alerts sit low on the page (on a phone, screens below): one tap from the top takes focus there. */}
          <a
            href="#alerts"
            onClick={(e) => {
              e.preventDefault();
              focusWhenShown("alerts");
            }}
          >
            {tf("overview.alertsFiring", { n: firingCount(m.state().alerts, app.clock()) })}
          </a>
          {" · "}
          <Link href={pathOf({ name: "rules", projectId: props.projectId })}>{t("rules.title")}</Link>
          {" · "}
          <Link href={pathOf({ name: "alertHistory", projectId: props.projectId })}>{t("history.title")}</Link>
          {" · "}
          <Link href={pathOf({ name: "reports", projectId: props.projectId })}>{t("reports.title")}</Link>
          <Show when={atLeast(m.role(), "supervisor")}>
            {" · "}
            <Link href={pathOf({ name: "inspections", projectId: props.projectId })}>{t("inspections.title")}</Link>
          </Show>
          <Show when={atLeast(m.role(), "admin")}>
            {" · "}
            <Link href={pathOf({ name: "setup", projectId: props.projectId })}>{t("admin.setup")}</Link>
            {" · "}
            <Link href={pathOf({ name: "plan", projectId: props.projectId })}>{t("admin.plan")}</Link>
            {" · "}
            <Link href={pathOf({ name: "stations", projectId: props.projectId })}>{t("admin.stations")}</Link>
          </Show>
        </p>
      </ProjectHeader>
      <NewAlerts alerts={m.state().alerts} ctx={m.alertContext} />
      {/* Everything from the snapshot appears in one frame, below the header: nothing is pushed down. */}
      <Show when={m.loaded()}>
        <section class="totals" aria-labelledby="totals-title">
          <h2 id="totals-title" class="section-title">
            {t("totals.title")}
          </h2>
          <Show when={m.kinds().length > 0} fallback={<NoPlan projectId={props.projectId} admin={atLeast(m.role(), "admin")} />}>
            <div class="totals__grid">
              <For each={m.kinds()}>{(k) => <KindCard figures={k} quantity={m.quantity} />}</For>
            </div>
          </Show>
        </section>
        <Show when={series()}>
          {(s) => (
            <section class="panel" aria-labelledby="burnup-title">
              <div class="section-head">
                <h2 id="burnup-title" class="section-title">
                  {t("chart.burnUp")}
                </h2>
                <KindPicker kinds={m.kindKeys()} value={kind()} onChange={setChosen} />
              </div>
              <BurnUpChart kind={kind()} series={s()} quantity={m.quantity} />
            </section>
          )}
        </Show>
        <Show when={m.rows().length > 0 && m.kindKeys().length > 0}>
          <FondsTable projectId={props.projectId} rows={m.rows()} kinds={m.kindKeys()} quantity={m.quantity} />
        </Show>
        <div class="split">
          <StationPanel model={m} />
          <div class="split__side">
            <div id="alerts">
              <AlertFeed
                projectId={props.projectId}
                alerts={m.alerts()}
                ctx={m.alertContext}
                canAct={atLeast(m.role(), "supervisor")}
                move={atLeast(m.role(), "admin") ? { fonds: m.state().fonds, decimals: (k) => (k.startsWith("metres") ? 2 : 0) } : undefined}
              />
            </div>
            <Presence viewers={m.state().viewers} />
          </div>
        </div>
      </Show>
    </div>
  );
}

/** An empty project: an administrator is offered the next step rather than a dead end. */
function NoPlan(props: { projectId: string; admin: boolean }) {
  return (
    <div class="empty">
      <p>{t("totals.noPlan")}</p>
      <Show when={props.admin}>
        <p>
          <Link class="button" href={pathOf({ name: "plan", projectId: props.projectId })}>
            {t("admin.importPlan")}
          </Link>
        </p>
      </Show>
    </div>
  );
}
