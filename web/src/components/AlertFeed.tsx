import { For, Show } from "solid-js";
import type { AlertView, FondsPlan } from "../../../schema/wire";
import { formatDateTime, t, tf } from "../i18n";
import { alertActions, alertKey, sortAlerts, stateCounts } from "../live/alerts";
import { useApp } from "../store/context";
import { AlertActions } from "./AlertActions";
import { alertDetail, alertTitle, type AlertContext } from "./alert-text";
import { MovePlan } from "./MovePlan";

/** The project's alerts, firing first, live: each with its figures, who acknowledged it and until when it
 * is silenced; supervisors act on them here. */
export function AlertFeed(props: {
  projectId: string;
  alerts: readonly AlertView[];
  ctx: AlertContext;
  canAct: boolean;
  title?: string;
  /** Admins may move planned volume away from an under-plan fonds (MovePlan). */
  move?: { fonds: readonly FondsPlan[]; decimals: (kind: string) => number };
}) {
  const app = useApp();
  const when = (ms: number) => formatDateTime(ms, props.ctx.timeZone);
  return (
    <section class="alerts" aria-labelledby={`alerts-${props.projectId}`}>
      <h2 id={`alerts-${props.projectId}`} class="section-title">
        {props.title ?? t("alert.title")} <span class="count">({props.alerts.length})</span>
        <Show when={props.alerts.length > 0}>
          {" "}
          <span class="count count--states">{stateCounts(props.alerts).map((c) => tf(`alert.count.${c.state}`, { n: c.n })).join(" · ")}</span>
        </Show>
      </h2>
      <Show when={props.alerts.length > 0} fallback={<p class="empty">{t("alert.none")}</p>}>
        <ul class="alerts__list">
          <For each={sortAlerts(props.alerts)}>
            {(a) => (
              <li class={`alert alert--${a.state}`} data-key={alertKey(a)}>
                <p class="alert__head">
                  <span class="alert__state">{t(`alert.state.${a.state}`)}</span> <strong>{alertTitle(a, props.ctx)}</strong>
                </p>
                <p class="alert__detail">{alertDetail(a, props.ctx)}</p>
                <p class="alert__meta">
                  {tf("alert.since", { at: when(a.since) })}
                  <Show when={a.ack}>
                    {(ack) => (
                      <span class="alert__ack">
                        {" · "}
                        {tf("alert.ackedBy", { by: ack().by, at: when(ack().at) })}
                        <Show when={ack().comment}>: “{ack().comment}”</Show>
                      </span>
                    )}
                  </Show>
                  <Show when={a.silencedUntil !== null && a.silencedUntil > app.clock()}>
                    {" · "}
                    {tf("alert.silencedUntil", { at: when(a.silencedUntil!) })}
                  </Show>
                </p>
                <Show when={props.canAct && alertActions(a).silence}>
                  <AlertActions projectId={props.projectId} alert={a} />
                </Show>
                <Show when={props.move && a.ruleType === "under_plan" && a.state === "firing"}>
                  <MovePlan projectId={props.projectId} alert={a} fonds={props.move!.fonds} decimals={props.move!.decimals} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
