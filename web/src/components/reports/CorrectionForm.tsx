import { Show, createSignal } from "solid-js";
import { t } from "../../i18n";
import type { ActionResult } from "../../store/action";

/** A correction of a submitted report (bản điều chỉnh): folded until asked for, then the reason and
 * the button. The submitted version stays as it was; `correct` makes the next one. */
export function CorrectionForm(props: { correct: (reason: string) => Promise<ActionResult>; compact?: boolean }) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get("reason") ?? "").trim();
    setBusy(true);
    const r = await props.correct(reason);
    setBusy(false);
    setError(r.ok ? null : r.message || t("common.offlineAction"));
  };
  return (
    <details class="correction no-print" classList={{ "correction--compact": !!props.compact }}>
      <summary class="button button--small button--quiet">{t(props.compact ? "filing.correctShort" : "filing.correct")}</summary>
      <form class="form correction__form" onSubmit={submit}>
        <label class="field">
          <span>{t("filing.correctReason")}</span>
          <input name="reason" required minLength={3} maxLength={1000} />
        </label>
        <button type="submit" class="button button--small" disabled={busy()}>
          {t("filing.correctSubmit")}
        </button>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
      </form>
    </details>
  );
}
