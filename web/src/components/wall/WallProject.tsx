import { For, Show, createMemo } from "solid-js";
import { BurnUpChart } from "../../charts/BurnUpChart";
import { burnUp } from "../../charts/burnup-data";
import { barText, done, forecastText, percent } from "../../format";
import { kindName, t, tf } from "../../i18n";
import { needsAction, sortAlerts } from "../../live/alerts";
import { chartKind, kindItems } from "../../live/figures";
import { useApp } from "../../store/context";
import { useProject } from "../../store/project";
import { alertTitle } from "../alert-text";
import { ProgressBar } from "../ProgressBar";
import { StatusBadge } from "../StatusBadge";
import { FitList } from "./FitList";
import { WallHead } from "./WallHead";
import "../../styles/wall-portrait.css";

/** Caps on a tall or portrait screen, where the box alone would let every row in. */
const BEHIND_MAX = 12;
const ALERTS_MAX = 8;

/** Chart text follows the wall's type, which scales with the screen (styles/wall.css). */
const chartFontSize = () => Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.75);

/** One project on the wall: alerts first, then its kinds in large type, the fonds furthest behind and
 * the burn-up. The grid in styles/wall.css fits it to one screen; lists trim to their box (FitList). */
export function WallProject(props: { projectId: string; province: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const kind = () => chartKind(m.kindKeys(), null);
  const series = createMemo(() => {
    const p = m.period();
    const f = m.kinds().find((k) => k.kind === kind());
    return p && f ? burnUp({ daily: m.daily().get(f.kind) ?? [], target: f.target, items: kindItems(m.state(), f.kind), ...p, rate: f.currentRate, forecastDay: f.forecastDay }) : null;
  });
  // What someone still has to act on: an acknowledged alert is being dealt with, a silenced one is what the
  // supervisors asked to stop hearing about; neither is "firing" on the meeting room's screen.
  const firing = createMemo(() => sortAlerts(m.alerts().filter((a) => needsAction(a, app.clock())), app.clock()));
  // Everything appears in one frame once the first snapshot and the alerts (their own message, null until
  // then) are in: nothing on the wall moves as it loads.
  return (
    <Show when={m.loaded() && m.state().alerts !== null && m.project()} fallback={<p class="wall__empty">{t("project.loading")}</p>}>
      <article class="wall__project">
        <WallHead model={m} province={props.province} />
        <section class="wall__box wall__alerts-box" classList={{ "wall__box--calm": firing().length === 0 }}>
          <h2 class="wall__subtitle wall__alerts-title">{tf("overview.alertsFiring", { n: firing().length })}</h2>
          <FitList items={firing()} max={ALERTS_MAX} class="wall__alerts" more={(n) => tf("list.more", { n })}>
            {(a) => <li>{alertTitle(a, m.alertContext)}</li>}
          </FitList>
        </section>
        <div class="wall__kinds">
          <For each={m.kinds()}>
            {(k) => (
              <section class={`wall__kind kind--${k.status}`}>
                <h2 class="wall__kind-name">
                  {kindName(k.kind)} <StatusBadge status={k.status} large />
                </h2>
                <p class="wall__percent">{done(k)}</p>
                <p class="wall__figures">
                  <span class="kind__actual">{m.quantity(k.kind, k.actual)}</span> / {m.quantity(k.kind, k.target)}
                </p>
                <ProgressBar ratio={k.done} expected={k.expected} status={k.status} label={kindName(k.kind)} valueText={barText(k, m.quantity)} />
                <p class="wall__note">
                  {t("progress.planToDate")}: {percent(k.expected)}
                  <Show when={k.status !== "done"}>
                    {" · "}
                    {t("progress.forecast")}: {forecastText(k)}
                  </Show>
                </p>
              </section>
            )}
          </For>
        </div>
        <section class="wall__box wall__list">
          <h2 class="wall__subtitle">{tf("overview.fondsBehind", { n: m.behind().length })}</h2>
          {/* Each fonds by its kind furthest behind: records and pages are never added into one percentage. */}
          <FitList items={m.behind()} max={BEHIND_MAX} class="wall__behind" more={(n) => tf("list.moreFonds", { n })} empty={t("wall.noneBehind")}>
            {(r) => (
              <li>
                <span>
                  {r.fonds.code} {r.fonds.name}
                </span>{" "}
                <Show when={r.worst}>
                  {(w) => (
                    <span class="wall__worst">
                      {kindName(w().kind)} <strong>{done(w())}</strong>
                    </span>
                  )}
                </Show>
              </li>
            )}
          </FitList>
        </section>
        <section class="wall__box wall__chart">
          <h2 class="wall__subtitle">
            {t("chart.burnUp")} · {kindName(kind())}
          </h2>
          <Show when={series()}>{(s) => <BurnUpChart kind={kind()} series={s()} quantity={m.quantity} fontSize={chartFontSize()} class="chart--wall" />}</Show>
        </section>
      </article>
    </Show>
  );
}
