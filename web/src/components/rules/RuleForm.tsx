import { For, Show, createSignal } from "solid-js";
import type { FondsPlan, StationInfo } from "../../../../schema/wire";
import { kindName, t } from "../../i18n";
import type { ActionResult } from "../../store/action";
import type { AlertRule, NewRule } from "../../store/rules";
import { NumberField, createFieldErrors } from "../NumberField";
import { PENDING_RULES, thresholdRules, thresholdValue } from "./rule-text";
import { errorOf, FormMessage } from "../FormMessage";

const TYPES: AlertRule["type"][] = ["behind_schedule", "under_plan", "silent_station"];

/** A new alert rule (administrators). Fonds, kinds and stations come from the project's live plan. */
export function RuleForm(props: { fonds: readonly FondsPlan[]; stations: readonly StationInfo[]; kinds: readonly string[]; create: (rule: NewRule) => Promise<ActionResult> }) {
  const [type, setType] = createSignal<AlertRule["type"]>("behind_schedule");
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const errors = createFieldErrors();
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? "");
    const threshold = errors.read("threshold", field("threshold"), thresholdRules(type()));
    const pendingMinutes = errors.read("pendingMinutes", field("pendingMinutes"), PENDING_RULES);
    const keepFiringMinutes = errors.read("keepFiringMinutes", field("keepFiringMinutes"), PENDING_RULES);
    if (threshold === null || pendingMinutes === null || keepFiringMinutes === null) return;
    const silent = type() === "silent_station";
    const kind = field("kind");
    const rule: NewRule = {
      type: type(),
      fonds: silent ? null : field("fonds") || null,
      kind: silent || !kind ? null : (kind as NewRule["kind"]),
      station: silent ? field("station") || null : null,
      threshold: thresholdValue(type(), threshold),
      pendingMinutes,
      keepFiringMinutes,
      enabled: data.get("enabled") === "on",
    };
    setBusy(true);
    const result = await props.create(rule);
    setBusy(false);
    setError(errorOf(result));
    if (result.ok) {
      form.reset();
      setType("behind_schedule");
    }
  };
  return (
    <form class="form panel" onSubmit={submit} aria-labelledby="rule-form-title">
      <h2 id="rule-form-title" class="section-title">
        {t("rules.add")}
      </h2>
      <div class="form__grid">
        <label class="field">
          <span>{t("rules.type")}</span>
          <select name="type" value={type()} onChange={(e) => (errors.clear(), setType(e.currentTarget.value as AlertRule["type"]))}>
            <For each={TYPES}>{(ty) => <option value={ty}>{t(`alert.type.${ty}`)}</option>}</For>
          </select>
        </label>
        <Show
          when={type() !== "silent_station"}
          fallback={
            <label class="field">
              <span>{t("rules.station")}</span>
              <select name="station">
                <option value="">{t("rules.allStations")}</option>
                <For each={props.stations}>{(s) => <option value={s.id}>{s.name}</option>}</For>
              </select>
            </label>
          }
        >
          <label class="field">
            <span>{t("rules.fonds")}</span>
            <select name="fonds">
              <option value="">{type() === "behind_schedule" ? t("rules.wholeProject") : t("rules.eachFonds")}</option>
              <Show when={type() === "behind_schedule"}>
                <option value="*">{t("rules.eachFonds")}</option>
              </Show>
              <For each={props.fonds}>{(f) => <option value={f.code}>{`${f.code} ${f.name}`}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t("rules.kind")}</span>
            <select name="kind">
              <option value="">{t("rules.allKinds")}</option>
              <For each={props.kinds}>{(k) => <option value={k}>{kindName(k)}</option>}</For>
            </select>
          </label>
        </Show>
        <NumberField
          name="threshold"
          label={type() === "silent_station" ? t("rules.silentMinutes") : t("rules.tolerance")}
          errors={errors}
          whole={type() === "silent_station"}
          required
          value={type() === "silent_station" ? "60" : "5"}
        />
        <NumberField name="pendingMinutes" label={t("rules.pending")} errors={errors} whole value="0" />
        <NumberField name="keepFiringMinutes" label={t("rules.keepFiring")} errors={errors} whole value="0" />
        <label class="check">
          <input type="checkbox" name="enabled" checked />
          {t("rules.enabled")}
        </label>
      </div>
      <FormMessage error={error()} />
      <button type="submit" class="button" disabled={busy()}>
        {t("rules.add")}
      </button>
    </form>
  );
}
