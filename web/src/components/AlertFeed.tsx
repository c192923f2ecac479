import { For, Show, createMemo, untrack } from "solid-js";
import type { AlertView, FondsPlan } from "../../../schema/wire";
import { t, tf } from "../i18n";
import { alertKey, displayState, groupAlerts, stateCounts, type AlertGroup } from "../live/alerts";
import { useApp } from "../store/context";
import { AlertActions } from "./AlertActions";
import { AlertItem } from "./AlertItem";
import type { AlertContext } from "./alert-text";

/** Groups this small open by themselves; a larger one shows its heading and opens on demand. */
const OPEN_UP_TO = 3;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The project's alerts, live, grouped by rule ("Chậm tiến độ — 12 phông", expanding to each fonds in natural
 * order) with bulk actions per group; supervisors act on them here. Lists are keyed by rule id and alert key
 * (strings), so a new alerts message or the clock ticking updates cards in place: a comment being typed or a
 * plan move's confirmation stays. */
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
  const byKey = createMemo(() => new Map(props.alerts.map((a) => [alertKey(a), a])));
  // Ordered when the alerts change, not on every clock tick (a silence running out reorders at the next message).
  const groups = createMemo(() => groupAlerts(props.alerts, untrack(app.clock)));
  const groupIds = createMemo(() => groups().map((g) => g.ruleId), [], { equals: sameList });
  const counts = (list: readonly AlertView[]) => stateCounts(list, app.clock()).map((c) => tf(`alert.count.${c.state}`, { n: c.n })).join(" · ");
  const item = (key: string) => (
    <Show when={byKey().get(key)}>{(a) => <AlertItem projectId={props.projectId} alert={a()} ctx={props.ctx} canAct={props.canAct} move={props.move} />}</Show>
  );
  const group = (ruleId: string) => {
    // The last known group while its card is being removed (the list of ids and the groups update together).
    const g = createMemo<AlertGroup>((prev) => groups().find((x) => x.ruleId === ruleId) ?? prev, groups().find((x) => x.ruleId === ruleId)!);
    const keys = createMemo(() => g().alerts.map(alertKey), [], { equals: sameList });
    return (
      <Show when={keys().length > 1} fallback={item(keys()[0]!)}>
        <li class={`alert-group alert-group--${displayState(g().alerts[0]!, app.clock())}`} data-rule={ruleId}>
          <div class="alert-group__head">
            <p>
              <strong>
                {t(`alert.type.${g().ruleType}`)} — {tf(`alert.group.${g().noun}`, { n: g().n })}
                {g().n !== g().alerts.length ? ` (${tf("alert.group.alert", { n: g().alerts.length })})` : ""}
              </strong>{" "}
              <span class="count count--states">{counts(g().alerts)}</span>
            </p>
            <Show when={props.canAct}>
              <AlertActions projectId={props.projectId} alerts={g().alerts} bulk />
            </Show>
          </div>
          <details class="alert-group__items" open={untrack(() => keys().length <= OPEN_UP_TO)}>
            <summary>{t("alert.group.expand")}</summary>
            <ul class="alerts__list">
              <For each={keys()}>{item}</For>
            </ul>
          </details>
        </li>
      </Show>
    );
  };
  return (
    <section class="alerts" aria-labelledby={`alerts-${props.projectId}`}>
      <h2 id={`alerts-${props.projectId}`} class="section-title">
        {props.title ?? t("alert.title")} <span class="count">({props.alerts.length})</span>
        <Show when={props.alerts.length > 0}>
          {" "}
          <span class="count count--states">{counts(props.alerts)}</span>
        </Show>
      </h2>
      <Show when={props.alerts.length > 0} fallback={<p class="empty">{t("alert.none")}</p>}>
        <ul class="alerts__list">
          <For each={groupIds()}>{group}</For>
        </ul>
      </Show>
    </section>
  );
}
