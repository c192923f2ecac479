import { For, Show } from "solid-js";
import { formatDateTime, t, tf } from "../i18n";
import { firingCount } from "../live/alerts";
import { cutList } from "../live/selectors";
import { pathOf } from "../router";
import { useProject } from "../store/project";
import type { Attention } from "../store/attention";
import { AttentionLine } from "./AttentionLine";
import { KindRow } from "./KindRow";
import { Link } from "./Link";
import { NewAlerts } from "./NewAlerts";
import { StatusBadge } from "./StatusBadge";

const BEHIND_LISTED = 3;

/** A project on the province overview: progress per kind against plan and plan-to-date, its status,
 * the fonds behind, alerts firing and the last activity, all live from the project's feed; and what
 * needs attention (not started, reports overdue, stations silent) from the province overview. */
export function ProjectCard(props: { projectId: string; name: string; attention?: Attention; attentionReady?: boolean }) {
  const m = useProject(props.projectId);
  const href = () => pathOf({ name: "project", projectId: props.projectId });
  return (
    <article class={`card card--${m.status() ?? "none"}`} aria-labelledby={`card-${props.projectId}`}>
      <header class="card__head">
        <h3 id={`card-${props.projectId}`} class="card__name">
          <Link href={href()}>{m.project()?.name ?? props.name}</Link>
        </h3>
        <span class={`conn-dot conn-dot--${m.live.status()}`} title={t(`status.${m.live.status()}`)}>
          <span class="visually-hidden">{t(`status.${m.live.status()}`)}</span>
        </span>
      </header>
      <NewAlerts alerts={m.state().alerts} ctx={m.alertContext} project={m.project()?.name ?? props.name} />
      <Show when={m.loaded() && props.attentionReady !== false} fallback={<p class="empty">{t("project.loading")}</p>}>
        <StatusBadge status={m.status()} />
        <AttentionLine projectId={props.projectId} attention={props.attention} />
        <Show when={m.kinds().length > 0} fallback={<p class="empty">{t("totals.noPlan")}</p>}>
          <ul class="card__kinds">
            <For each={m.kinds()}>{(k) => <KindRow figures={k} quantity={m.quantity} />}</For>
          </ul>
        </Show>
        <Show when={m.behind().length > 0}>
          <p class="card__behind">
            <strong>{tf("overview.fondsBehind", { n: m.behind().length })}</strong>{" "}
            <For each={cutList(m.behind(), BEHIND_LISTED).shown}>
              {(r, i) => (
                <>
                  {i() > 0 ? ", " : ""}
                  <Link href={pathOf({ name: "fonds", projectId: props.projectId, code: r.fonds.code })}>{r.fonds.name}</Link>
                </>
              )}
            </For>
            <Show when={m.behind().length > BEHIND_LISTED}>
              {" "}
              <span class="card__more">{tf("list.moreFonds", { n: cutList(m.behind(), BEHIND_LISTED).more })}</span>
            </Show>
          </p>
        </Show>
        <Show when={firingCount(m.state().alerts) > 0}>
          <p class="card__alerts">
            <Link href={`${href()}#alerts`}>{tf("overview.alertsFiring", { n: firingCount(m.state().alerts) })}</Link>
          </p>
        </Show>
        <p class="card__activity">
          {t("status.lastCounter")}:{" "}
          {m.state().lastActivityAt !== null ? formatDateTime(m.state().lastActivityAt!, m.timeZone()) : t("status.noCounter")}
        </p>
      </Show>
    </article>
  );
}
