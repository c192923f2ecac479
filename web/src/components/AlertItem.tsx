import { Show } from "solid-js";
import type { AlertView, FondsPlan } from "../../../schema/wire";
import { formatDateTime, t, tf } from "../i18n";
import { alertKey, displayState } from "../live/alerts";
import { useApp } from "../store/context";
import { AlertActions } from "./AlertActions";
import { alertDetail, alertTitle, type AlertContext } from "./alert-text";
import { Link } from "./Link";
import { MovePlan } from "./MovePlan";
import { pathOf } from "../router";

/** One alert: the state a person reads (silenced and acknowledged are states of their own), its figures,
 * who acknowledged or silenced it, why and until when, and the actions a supervisor has. */
export function AlertItem(props: {
  projectId: string;
  alert: AlertView;
  ctx: AlertContext;
  canAct: boolean;
  move?: { fonds: readonly FondsPlan[]; decimals: (kind: string) => number };
}) {
  const app = useApp();
  const when = (ms: number) => formatDateTime(ms, props.ctx.timeZone);
  const a = () => props.alert;
  const state = () => displayState(a(), app.clock());
  return (
    <li class={`alert alert--${state()}`} data-key={alertKey(a())}>
      <p class="alert__head">
        <span class="alert__state">{t(`alert.state.${state()}`)}</span> <strong>{alertTitle(a(), props.ctx)}</strong>
      </p>
      <p class="alert__detail">{alertDetail(a(), props.ctx)}</p>
      <p class="alert__meta">
        {tf("alert.since", { at: when(a().since) })}
        <Show when={a().state === "firing" && a().clearedAt}>
          {(cleared) => (
            <>
              {" · "}
              {tf("alert.keptFiring", { at: when(cleared()), until: when(cleared() + a().keepFiringMinutes * 60_000) })}
            </>
          )}
        </Show>
        <Show when={a().ack}>
          {(ack) => (
            <span class="alert__ack">
              {" · "}
              {tf("alert.ackedBy", { by: ack().by, at: when(ack().at) })}
              <Show when={ack().comment}>: “{ack().comment}”</Show>
            </span>
          )}
        </Show>
        <Show when={state() === "silenced" && a().silence}>
          {(s) => (
            <span class="alert__silence">
              {" · "}
              {tf("alert.silencedBy", { by: s().by, until: when(s().until) })}
              <Show when={s().comment}>: “{s().comment}”</Show>
            </span>
          )}
        </Show>
        {" · "}
        <Link href={`${pathOf({ name: "alertHistory", projectId: props.projectId })}?rule=${encodeURIComponent(a().ruleId)}&scope=${encodeURIComponent(a().scope)}`}>{t("alert.history")}</Link>
      </p>
      <Show when={props.canAct}>
        <AlertActions projectId={props.projectId} alerts={[a()]} />
      </Show>
      <Show when={props.move && a().ruleType === "under_plan" && a().state === "firing"}>
        <MovePlan projectId={props.projectId} alert={a()} fonds={props.move!.fonds} decimals={props.move!.decimals} />
      </Show>
    </li>
  );
}
