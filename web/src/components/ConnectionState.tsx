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
      {/* Only the status word is live: the "heard at" time ticks with every message and would be
          re-announced each time; a screen reader should hear once per change of connection. */}
      <p class="conn__status">
        <span class="conn__dot" aria-hidden="true" />
        <span role="status">{t(`status.${props.status}`)}</span>
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
