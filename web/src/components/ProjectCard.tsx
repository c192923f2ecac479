import { For, Show, createMemo } from "solid-js";
import type { ProjectCard as Card } from "../../../schema/project-card";
import { formatQuantity } from "../../../schema/numbers";
import { PROJECT_TIME_ZONE } from "../../../schema/time";
import { formatDateTime, locale, t, tf } from "../i18n";
import { firingCount } from "../live/alerts";
import type { ConnectionStatus } from "../live/connection";
import { decimalsOf } from "../live/selectors";
import { pathOf } from "../router";
import type { Attention } from "../store/attention";
import { useApp } from "../store/context";
import type { AlertContext } from "./alert-text";
import { ArchivedBadge } from "./ArchivedBadge";
import { AttentionLine } from "./AttentionLine";
import { KindRow } from "./KindRow";
import { Link } from "./Link";
import { NewAlerts } from "./NewAlerts";
import { StatusBadge } from "./StatusBadge";

/** How the card's alerts read: names and units from the card itself. */
function alertContextOf(card: () => Card | undefined): AlertContext {
  return {
    fondsName: (code) => {
      const name = card()?.names.fonds[code];
      return name ? `${code} ${name}` : code;
    },
    stationName: (id) => card()?.names.stations[id] ?? id.slice(0, 8),
    quantity: (kind, amount) => formatQuantity(Math.round(amount), decimalsOf(card()?.kindInfo ?? [], kind), locale()),
    get timeZone() {
      return card()?.timeZone ?? PROJECT_TIME_ZONE;
    },
  };
}

/** A project on the province overview: progress per kind against plan and plan-to-date, its status, the
 * fonds behind, alerts firing and the last activity, from its card (schema/project-card.ts: the server's
 * province feed, or the project's own feed, store/project-card.ts); and what needs attention (not
 * started, reports overdue, stations silent) from the province overview. */
export function ProjectCard(props: {
  projectId: string;
  name: string;
  card: Card | undefined;
  connection: ConnectionStatus;
  attention?: Attention;
  attentionReady?: boolean;
  archivedAt?: number | null | undefined;
}) {
  const app = useApp();
  const href = () => pathOf({ name: "project", projectId: props.projectId });
  const ctx = alertContextOf(() => props.card);
  const alerts = createMemo(() => props.card?.alerts ?? null);
  const firing = () => firingCount(alerts(), app.clock());
  const name = () => props.card?.name ?? props.name;
  return (
    <article class={`card card--${props.card?.status ?? "none"}`} aria-labelledby={`card-${props.projectId}`}>
      <header class="card__head">
        <h3 id={`card-${props.projectId}`} class="card__name">
          <Link href={href()}>{name()}</Link>
          <ArchivedBadge archivedAt={props.archivedAt} />
        </h3>
        <span class={`conn-dot conn-dot--${props.connection}`} title={t(`status.${props.connection}`)}>
          <span class="visually-hidden">{t(`status.${props.connection}`)}</span>
        </span>
      </header>
      <NewAlerts alerts={alerts()} ctx={ctx} project={name()} />
      <Show when={props.card && props.attentionReady !== false ? props.card : undefined} fallback={<p class="empty">{t("project.loading")}</p>}>
        {(c) => (
          <>
            <StatusBadge status={c().status} />
            <AttentionLine projectId={props.projectId} attention={props.attention} />
            <Show when={Object.keys(c().kinds).length > 0} fallback={<p class="empty">{t("totals.noPlan")}</p>}>
              <ul class="card__kinds">
                <For each={Object.values(c().kinds)}>{(k) => <KindRow figures={k} quantity={ctx.quantity} />}</For>
              </ul>
            </Show>
            <Show when={c().behindCount > 0}>
              <p class="card__behind">
                <strong>{tf("overview.fondsBehind", { n: c().behindCount })}</strong>{" "}
                <For each={c().behind}>
                  {(f, i) => (
                    <>
                      {i() > 0 ? ", " : ""}
                      <Link href={pathOf({ name: "fonds", projectId: props.projectId, code: f.code })}>{f.name}</Link>
                    </>
                  )}
                </For>
                <Show when={c().behindCount > c().behind.length}>
                  {" "}
                  <span class="card__more">{tf("list.moreFonds", { n: c().behindCount - c().behind.length })}</span>
                </Show>
              </p>
            </Show>
            <Show when={firing() > 0}>
              <p class="card__alerts">
                <Link href={`${href()}#alerts`}>{tf("overview.alertsFiring", { n: firing() })}</Link>
              </p>
            </Show>
            <p class="card__activity">
              {t("status.lastCounter")}: {c().lastActivityAt !== null ? formatDateTime(c().lastActivityAt!, c().timeZone) : t("status.noCounter")}
            </p>
          </>
        )}
      </Show>
    </article>
  );
}
