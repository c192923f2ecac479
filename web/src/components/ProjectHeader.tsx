import { Show, type JSX } from "solid-js";
import { formatDay, t } from "../i18n";
import type { Status } from "../live/figures";
import type { ProjectModel } from "../store/project";
import { ArchivedBadge } from "./ArchivedBadge";
import { ConnectionState } from "./ConnectionState";
import { StatusBadge } from "./StatusBadge";

/** A project's name, legal basis and period, its overall status and the feed's connection state. A fonds
 * or station page titles it with its own name and status (`hidden`: a station has no plan of its own).
 * Until the feed's first snapshot it is one line, replaced whole when the snapshot arrives, so nothing
 * already on screen is pushed down (layout shift) while the rest of the view appears below it. */
export function ProjectHeader(props: { model: ProjectModel; title?: string; status?: Status | "hidden"; children?: JSX.Element }) {
  const m = () => props.model;
  const connection = () => (
    <ConnectionState status={m().live.status()} lastMessageAt={m().live.lastMessageAt()} lastActivityAt={m().state().lastActivityAt} timeZone={m().timeZone()} />
  );
  return (
    <Show
      when={m().loaded() && m().project()}
      fallback={
        <section class="project project--loading">
          <p class="project__loading">{t("project.loading")}</p>
          {connection()}
        </section>
      }
    >
      {(project) => (
        <section class="project">
          <div class="project__title">
            <h1 class="project__name">
              {props.title ?? project().name}
              <ArchivedBadge archivedAt={project().archivedAt} />
            </h1>
            <Show when={props.status !== "hidden"}>
              <StatusBadge status={props.status === undefined || props.status === "hidden" ? m().status() : props.status} />
            </Show>
          </div>
          <p class="project__meta">
            <Show when={props.title}>
              <span>{project().name}</span>
              {" · "}
            </Show>
            <Show when={!props.title && project().legalBasis}>
              <span>{project().legalBasis}</span>
              {" · "}
            </Show>
            <span>
              {t("project.period")}: {formatDay(project().periodStart)} – {formatDay(project().periodEnd)}
            </span>
          </p>
          {connection()}
          {props.children}
        </section>
      )}
    </Show>
  );
}
