import { For, Show, createMemo } from "solid-js";
import { BurnUpChart } from "../../charts/BurnUpChart";
import { burnUp } from "../../charts/burnup-data";
import { barText, forecastText, percent } from "../../format";
import { formatDay, formatTime, kindName, t, tf } from "../../i18n";
import { sortAlerts } from "../../live/alerts";
import { chartKind } from "../../live/figures";
import { sortFonds } from "../../live/fonds-list";
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
    return p && f ? burnUp({ daily: m.daily().get(f.kind) ?? [], target: f.target, ...p, rate: f.currentRate, forecastDay: f.forecastDay }) : null;
  });
  const behind = createMemo(() => sortFonds(m.behind(), "status", "asc").slice(0, BEHIND_SHOWN));
  const firing = createMemo(() => sortAlerts(m.alerts().filter((a) => a.state === "firing")).slice(0, ALERTS_SHOWN));
  return (
    <article class="wall__project">
      <header class="wall__head">
        <div>
          <p class="wall__province">{props.province}</p>
          <h1 class="wall__name">{m.project()?.name ?? "…"}</h1>
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
              <p class="wall__percent">{percent(k.done)}</p>
              <p class="wall__figures">
                <span class="kind__actual">{m.quantity(k.kind, k.actual)}</span> / {m.quantity(k.kind, k.target)}
              </p>
              <ProgressBar ratio={k.done} expected={k.expected} status={k.status} label={kindName(k.kind)} valueText={barText(k, m.quantity)} />
              <p class="wall__note">
                {t("progress.planToDate")}: {percent(k.expected)} · {t("progress.forecast")}: {forecastText(k.forecastDay)}
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
          <ul>
            <For each={behind()} fallback={<li class="empty">{t("wall.noneBehind")}</li>}>
              {(r) => (
                <li>
                  <span>{r.fonds.code} {r.fonds.name}</span> <strong>{percent(r.done)}</strong>
                </li>
              )}
            </For>
          </ul>
          <Show when={firing().length > 0}>
            <h2 class="wall__subtitle">{tf("overview.alertsFiring", { n: m.alerts().filter((a) => a.state === "firing").length })}</h2>
            <ul class="wall__alerts">
              <For each={firing()}>{(a) => <li>{alertTitle(a, m.alertContext)}</li>}</For>
            </ul>
          </Show>
        </section>
      </div>
    </article>
  );
}
