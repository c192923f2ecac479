import { Show } from "solid-js";
import { formatDay, formatTime, t } from "../../i18n";
import { useApp } from "../../store/context";
import type { ProjectModel } from "../../store/project";
import { useAnnouncedConnection } from "../ConnectionAnnouncement";
import { StatusBadge } from "../StatusBadge";

/** The project's name and status, and the time and connection, read from across the room. */
export function WallHead(props: { model: ProjectModel; province: string }) {
  const app = useApp();
  const m = () => props.model;
  // The line below is not live: the wall's one announcement (views/WallView.tsx) says it.
  useAnnouncedConnection(props.model.live.status);
  return (
    <header class="wall__head">
      <div class="wall__title">
        {/* The badge's line is there before the first snapshot, so the wall does not move when it arrives. */}
        <p class="wall__status">
          <span class="wall__province">{props.province}</span>
          <Show when={m().loaded()}>
            <StatusBadge status={m().status()} large />
          </Show>
        </p>
        <h1 class="wall__name">{m().project()?.name ?? "…"}</h1>
      </div>
      <div class="wall__clock">
        <p class="wall__time">{formatTime(app.clock(), m().timeZone()).slice(0, 5)}</p>
        <p class={`conn conn--${m().live.status()}`}>
          <span class="conn__dot" aria-hidden="true" />
          {t(`status.${m().live.status()}`)} · {formatDay(m().today())}
        </p>
      </div>
    </header>
  );
}
