import { Show } from "solid-js";
import { formatDateTime, formatTime, t } from "../i18n";
import type { ConnectionStatus } from "../live/connection";

/** Live / reconnecting / offline, when the server was last heard, and when the last counter arrived. */
export function ConnectionState(props: {
  status: ConnectionStatus;
  lastMessageAt: number | null;
  lastActivityAt: number | null;
  timeZone: string;
}) {
  return (
    <div class={`conn conn--${props.status}`}>
      <p class="conn__status" role="status">
        <span class="conn__dot" aria-hidden="true" />
        {t(`status.${props.status}`)}
        <Show when={props.lastMessageAt}>
          {(at) => (
            <span class="conn__heard">
              {" · "}
              {t("status.heardAt")} {formatTime(at(), props.timeZone)}
            </span>
          )}
        </Show>
      </p>
      <p class="conn__activity">
        <Show when={props.lastActivityAt} fallback={t("status.noCounter")}>
          {(at) => (
            <>
              {t("status.lastCounter")}: <time datetime={new Date(at()).toISOString()}>{formatDateTime(at(), props.timeZone)}</time>
            </>
          )}
        </Show>
      </p>
    </div>
  );
}
