import { Show } from "solid-js";
import { t, tf } from "../i18n";
import { pathOf } from "../router";
import type { Attention } from "../store/attention";
import { Link } from "./Link";

/** The flags a leader reads first on a unit's card: not started, reports overdue, stations silent. */
export function AttentionLine(props: { projectId: string; attention: Attention | undefined }) {
  const a = () => props.attention;
  const any = () => !!a() && (a()!.notStarted || a()!.reportsOverdue > 0 || a()!.silentStations > 0);
  return (
    <Show when={any()}>
      <ul class="card__attention" aria-label={t("attention.label")}>
        <Show when={a()!.notStarted}>
          <li class="flag flag--idle">{t("attention.notStarted")}</li>
        </Show>
        <Show when={a()!.reportsOverdue > 0}>
          <li class="flag flag--late">
            <Link href={pathOf({ name: "reports", projectId: props.projectId })}>{tf("attention.reportsOverdue", { n: a()!.reportsOverdue })}</Link>
          </li>
        </Show>
        <Show when={a()!.silentStations > 0}>
          <li class="flag flag--silent">{tf("attention.silentStations", { n: a()!.silentStations, of: a()!.stations })}</li>
        </Show>
      </ul>
    </Show>
  );
}
