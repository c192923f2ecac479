import { For, Show, createSignal } from "solid-js";
import type { WorkKindKey } from "../../../schema/kinds";
import type { AlertView, FondsPlan } from "../../../schema/wire";
import { t, tf } from "../i18n";
import { amountInput } from "../number-input";
import { useApp } from "../store/context";
import { NumberField, createFieldErrors } from "./NumberField";
import { errorOf } from "./FormMessage";

/**
 * Seed 001: a fonds that will not reach its planned volume hands it to other fonds, keeping the project
 * total. Offered on an under-plan alert to admins, prefilled with the alert's shortfall.
 */
export function MovePlan(props: { projectId: string; alert: AlertView; fonds: readonly FondsPlan[]; decimals: (kind: string) => number }) {
  const app = useApp();
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const from = () => String(props.alert.values.fonds ?? "");
  const kind = () => String(props.alert.values.kind ?? "") as WorkKindKey;
  /** In base units, as the alert carries it; prefilled the reader's way ("8.628"). */
  const shortfall = () => Math.max(0, Math.round(Number(props.alert.values.shortfall ?? 0)));
  const errors = createFieldErrors();
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const amount = errors.readUnits("amount", String(form.get("amount") ?? ""), { decimals: props.decimals(kind()), min: 1 });
    if (amount === null) return;
    setBusy(true);
    const result = await app.alerts.movePlan(props.projectId, {
      kind: kind(),
      from: from(),
      to: String(form.get("to")),
      amount,
      reason: String(form.get("reason") ?? "").trim(),
    });
    setBusy(false);
    setMessage(result.ok ? t("alert.moved") : errorOf(result));
    if (result.ok) setOpen(false);
  };
  return (
    <div class="alert__actions">
      <Show
        when={open()}
        fallback={
          <button type="button" class="button button--small button--quiet" onClick={() => setOpen(true)}>
            {t("alert.move")}
          </button>
        }
      >
        <form class="alert__form" onSubmit={submit}>
          <label class="field">
            <span>{t("alert.moveTo")}</span>
            <select name="to" required>
              <For each={props.fonds.filter((f) => f.code !== from())}>{(f) => <option value={f.code}>{`${f.code} · ${f.name}`}</option>}</For>
            </select>
          </label>
          <NumberField name="amount" label={t("alert.moveAmount")} errors={errors} whole={props.decimals(kind()) === 0} required value={amountInput(shortfall(), props.decimals(kind()))} />
          <label class="field">
            <span>{t("alert.moveReason")}</span>
            <textarea name="reason" rows="2" required minLength={3} maxLength={1000}>
              {tf("alert.moveDefaultReason", { fonds: from() })}
            </textarea>
          </label>
          <div class="row">
            <button type="submit" class="button button--small" disabled={busy()}>
              {t("alert.move")}
            </button>
            <button type="button" class="button button--small button--quiet" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Show>
      <Show when={message()}>
        <p class="alert__meta" role="status">
          {message()}
        </p>
      </Show>
    </div>
  );
}
