import { For, Show, createSignal } from "solid-js";
import { formatQuantity } from "../../../../schema/numbers";
import { locale, t, tf } from "../../i18n";
import type { ActionResult } from "../../store/action";
import type { AlertRule, RulePatch } from "../../store/rules";
import { NumberField, createFieldErrors } from "../NumberField";
import { PENDING_RULES, ruleScopeText, thresholdInput, thresholdRules, thresholdText, thresholdValue, type RuleNames } from "./rule-text";
import { errorOf, FormMessage } from "../FormMessage";

/** The project's rules; administrators switch them on and off, change thresholds, pending and keep-firing
 * minutes, and delete them. */
export function RuleList(props: {
  rules: readonly AlertRule[];
  names: RuleNames;
  canEdit: boolean;
  update: (ruleId: string, patch: RulePatch) => Promise<ActionResult>;
  remove: (ruleId: string) => Promise<ActionResult>;
}) {
  const [editing, setEditing] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const errors = createFieldErrors();
  const run = async (action: Promise<ActionResult>) => {
    const r = await action;
    setError(errorOf(r));
    return r.ok;
  };
  const save = async (rule: AlertRule, e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const threshold = errors.read("threshold", String(data.get("threshold") ?? ""), thresholdRules(rule.type));
    const pendingMinutes = errors.read("pendingMinutes", String(data.get("pendingMinutes") ?? ""), PENDING_RULES);
    const keepFiringMinutes = errors.read("keepFiringMinutes", String(data.get("keepFiringMinutes") ?? ""), PENDING_RULES);
    if (threshold === null || pendingMinutes === null || keepFiringMinutes === null) return;
    if (await run(props.update(rule.id, { threshold: thresholdValue(rule.type, threshold), pendingMinutes, keepFiringMinutes }))) setEditing(null);
  };
  return (
    <section class="panel" aria-labelledby="rules-list-title">
      <h2 id="rules-list-title" class="section-title">
        {t("rules.list")} <span class="count">({props.rules.length})</span>
      </h2>
      <FormMessage error={error()} />
      <Show when={props.rules.length > 0} fallback={<p class="empty">{t("rules.none")}</p>}>
        <ul class="rules">
          <For each={props.rules}>
            {(rule) => (
              <li class="rule" classList={{ "rule--off": !rule.enabled }}>
                <p class="rule__head">
                  <strong>{t(`alert.type.${rule.type}`)}</strong> · {ruleScopeText(rule, props.names)}
                </p>
                <p class="rule__meta">
                  {rule.type === "silent_station" ? t("rules.silentMinutes") : t("rules.tolerance")}: {thresholdText(rule)} · {t("rules.pending")}:{" "}
                  {formatQuantity(rule.pendingMinutes, 0, locale())}
                  {rule.keepFiringMinutes > 0 ? ` · ${tf("rules.keepFiringShort", { n: rule.keepFiringMinutes })}` : ""} · {rule.enabled ? t("rules.on") : t("rules.off")}
                </p>
                <Show when={props.canEdit}>
                  <Show
                    when={editing() === rule.id}
                    fallback={
                      <div class="row">
                        <button type="button" class="button button--small button--quiet" onClick={() => void run(props.update(rule.id, { enabled: !rule.enabled }))}>
                          {rule.enabled ? t("rules.disable") : t("rules.enable")}
                        </button>
                        <button type="button" class="button button--small button--quiet" onClick={() => (errors.clear(), setEditing(rule.id))}>
                          {t("common.edit")}
                        </button>
                        <button
                          type="button"
                          class="button button--small button--danger"
                          onClick={() => confirm(t("rules.confirmDelete")) && void run(props.remove(rule.id))}
                        >
                          {t("common.delete")}
                        </button>
                      </div>
                    }
                  >
                    <form class="row" onSubmit={(e) => void save(rule, e)}>
                      <NumberField
                        inline
                        name="threshold"
                        label={rule.type === "silent_station" ? t("rules.silentMinutes") : t("rules.tolerance")}
                        errors={errors}
                        whole={rule.type === "silent_station"}
                        value={thresholdInput(rule)}
                      />
                      <NumberField inline name="pendingMinutes" label={t("rules.pending")} errors={errors} whole value={formatQuantity(rule.pendingMinutes, 0, locale())} />
                      <NumberField inline name="keepFiringMinutes" label={t("rules.keepFiring")} errors={errors} whole value={formatQuantity(rule.keepFiringMinutes, 0, locale())} />
                      <button type="submit" class="button button--small">
                        {t("common.save")}
                      </button>
                      <button type="button" class="button button--small button--quiet" onClick={() => setEditing(null)}>
                        {t("common.cancel")}
                      </button>
                    </form>
                  </Show>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
