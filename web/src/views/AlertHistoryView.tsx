import { For, Show } from "solid-js";
import { DayField } from "../components/DayField";
import { parseDay } from "../days";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { scopeLabel } from "../components/alert-text";
import { formatDateTime, kindName, t } from "../i18n";
import { dayStartMs, historyText } from "../live/history-text";
import { navigate, pathOf, searchParams } from "../router";
import { createAlertHistory, type HistoryFilter } from "../store/alert-history";
import { useApp } from "../store/context";
import { useProject } from "../store/project";
import { createRulesStore } from "../store/rules";

const STATES = ["firing", "pending", "resolved", "nodata", "normal"] as const;
const DAY = 86_400_000;

/** The alert history of a project as one timeline (newest first): each transition with its figures, who
 * acknowledged or silenced and why, what was delivered where and what it carried; filtered by rule, state,
 * who acted and days, or narrowed to one alert with `?rule=&scope=` (the link under each alert). */
export default function AlertHistoryView(props: { projectId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const rules = createRulesStore(props.projectId, () => false, app.session.writeHeaders);
  const q = searchParams();
  const history = createAlertHistory(props.projectId, { ruleId: q.get("rule") ?? undefined, scope: q.get("scope") ?? undefined });
  const ruleType = (id: string) => rules.rules()?.find((r) => r.id === id)?.type ?? "behind_schedule";
  const apply = (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    // The day fields take dd/mm/yyyy whatever the browser's locale (components/DayField.tsx).
    const day = (name: string) => parseDay(String(f.get(name) ?? "")) ?? "";
    const next: HistoryFilter = {
      ruleId: String(f.get("rule") ?? "") || undefined,
      scope: history.filter().scope,
      state: (String(f.get("state") ?? "") || undefined) as HistoryFilter["state"],
      by: String(f.get("by") ?? "") || undefined,
      from: day("from") ? dayStartMs(day("from"), m.timeZone()) : undefined,
      to: day("to") ? dayStartMs(day("to"), m.timeZone()) + DAY - 1 : undefined,
    };
    history.setFilter(next);
  };
  return (
    <div class="view">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: t("history.title") }]} />
      <div class="view__head">
        <h1 class="view__title">{t("history.title")}</h1>
      </div>
      <form class="row history__filter" onSubmit={apply}>
        <label class="field">
          <span>{t("history.rule")}</span>
          <select name="rule">
            <option value="">{t("history.allRules")}</option>
            <For each={rules.rules() ?? []}>
              {(r) => (
                <option value={r.id} selected={r.id === history.filter().ruleId}>
                  {t(`alert.type.${r.type}`)}
                  {r.fonds === "*" ? ` · ${t("rules.eachFonds")}` : ""}
                  {r.kind ? ` · ${kindName(r.kind)}` : ""}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field">
          <span>{t("history.state")}</span>
          <select name="state">
            <option value="">{t("history.allStates")}</option>
            <For each={STATES}>{(s) => <option value={s}>{t(`alert.state.${s}`)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t("history.who")}</span>
          <select name="by">
            <option value="">{t("history.everyone")}</option>
            <For each={history.people()}>
              {(p) => (
                <option value={p} selected={p === history.filter().by}>
                  {p}
                </option>
              )}
            </For>
          </select>
        </label>
        <DayField name="from" label={t("history.from")} />
        <DayField name="to" label={t("history.to")} />
        <button type="submit" class="button">
          {t("history.filter")}
        </button>
      </form>
      <Show when={history.filter().scope}>
        <p class="notice">
          {t("history.scope")}: {scopeLabel(history.filter().scope!, m.alertContext)} ·{" "}
          <button
            type="button"
            class="button button--small button--quiet"
            onClick={() => {
              navigate(pathOf({ name: "alertHistory", projectId: props.projectId }), { replace: true });
              history.setFilter({});
            }}
          >
            {t("history.allScopes")}
          </button>
        </p>
      </Show>
      <Show when={history.error()}>
        <p class="notice notice--error" role="alert">
          {String(history.error())}
        </p>
      </Show>
      <Show when={history.entries()}>
        {(entries) => (
          <Show when={entries().length > 0} fallback={<p class="empty">{t("history.none")}</p>}>
            <ol class="timeline">
              <For each={entries()}>
                {(e) => {
                  // Read when rendered and again once the plan and rules arrive (fonds and rule names).
                  const text = () => historyText(e, ruleType, m.alertContext, history.filter().scope);
                  return (
                    <li class={`timeline__entry timeline__entry--${e.type}`}>
                      <time>{formatDateTime(e.at, m.timeZone())}</time>
                      <div>
                        <p>{text().head}</p>
                        <Show when={text().detail}>
                          <p class="alert__detail">{text().detail}</p>
                        </Show>
                      </div>
                    </li>
                  );
                }}
              </For>
            </ol>
          </Show>
        )}
      </Show>
    </div>
  );
}
