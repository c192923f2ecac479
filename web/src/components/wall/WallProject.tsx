import { For, Show, createMemo } from "solid-js";
import { BurnUpChart } from "../../charts/BurnUpChart";
import { burnUp } from "../../charts/burnup-data";
import { barText, done, forecastText, percent } from "../../format";
import { formatDay, formatTime, kindName, t, tf } from "../../i18n";
import { isSilenced, sortAlerts } from "../../live/alerts";
import { chartKind, kindItems } from "../../live/figures";
import { cutList } from "../../live/selectors";
import { useApp } from "../../store/context";
import { useProject } from "../../store/project";
import { alertTitle } from "../alert-text";
import { ProgressBar } from "../ProgressBar";
import { StatusBadge } from "../StatusBadge";

const BEHIND_SHOWN = 6;

/** Chart text follows the wall's type, which scales with the screen (styles/wall.css). */
const chartFontSize = () => Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.75);
const ALERTS_SHOWN = 4;

/** One project on the wall: its kinds in large type, its burn-up, the fonds furthest behind and alerts. */
export function WallProject(props: { projectId: string; province: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const kind = () => chartKind(m.kindKeys(), null);
  const series = createMemo(() => {
    const p = m.period();
    const f = m.kinds().find((k) => k.kind === kind());
    return p && f ? burnUp({ daily: m.daily().get(f.kind) ?? [], target: f.target, items: kindItems(m.state(), f.kind), ...p, rate: f.currentRate, forecastDay: f.forecastDay }) : null;
  });
  const behind = createMemo(() => cutList(m.behind(), BEHIND_SHOWN));
  // A silenced alert is one the supervisors asked to stop hearing about: not on the meeting room's screen either.
  const firing = createMemo(() => sortAlerts(m.alerts().filter((a) => a.state === "firing" && !isSilenced(a, app.clock())), app.clock()));
  const firingShown = createMemo(() => cutList(firing(), ALERTS_SHOWN));
  return (
    <article class="wall__project">
      <header class="wall__head">
        <div>
          <p class="wall__province">{props.province}</p>
          <h1 class="wall__name">{m.project()?.name ?? "…"}</h1>
          <Show when={m.loaded()}>
            <p class="wall__status">
              <StatusBadge status={m.status()} large />
            </p>
          </Show>
        </div>
        <div class="wall__clock">
          <p class="wall__time">{formatTime(app.clock(), m.timeZone()).slice(0, 5)}</p>
          <p class={`conn conn--${m.live.status()}`}>
            <span class="conn__dot" aria-hidden="true" />
            {t(`status.${m.live.status()}`)} · {formatDay(m.today())}
          </p>
        </div>
      </header>
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
      <div class="wall__bottom">
        <Show when={series()}>
          {(s) => (
            <section class="wall__chart">
              <h2 class="wall__subtitle">
                {t("chart.burnUp")} · {kindName(kind())}
              </h2>
              <BurnUpChart kind={kind()} series={s()} quantity={m.quantity} fontSize={chartFontSize()} class="chart--wall" />
            </section>
          )}
        </Show>
        <section class="wall__list">
          <h2 class="wall__subtitle">{tf("overview.fondsBehind", { n: m.behind().length })}</h2>
          {/* Each fonds by its kind furthest behind: records and pages are never added into one percentage. */}
          <ul class="wall__behind">
            <For each={behind().shown} fallback={<li class="empty">{t("wall.noneBehind")}</li>}>
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
            </For>
            <Show when={behind().more > 0}>
              <li class="wall__more">{tf("list.moreFonds", { n: behind().more })}</li>
            </Show>
          </ul>
          <Show when={firing().length > 0}>
            <h2 class="wall__subtitle">{tf("overview.alertsFiring", { n: firing().length })}</h2>
            <ul class="wall__alerts">
              <For each={firingShown().shown}>{(a) => <li>{alertTitle(a, m.alertContext)}</li>}</For>
              <Show when={firingShown().more > 0}>
                <li class="wall__more">{tf("list.more", { n: firingShown().more })}</li>
              </Show>
            </ul>
          </Show>
        </section>
      </div>
    </article>
  );
}
