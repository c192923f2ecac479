import { For, Match, Show, Switch, createSignal } from "solid-js";
import type { AlertView } from "../../../schema/wire";
import { t, tf } from "../i18n";
import { alertActions } from "../live/alerts";
import type { ActionResult } from "../store/action";
import { SILENCE_CHOICES_MINUTES } from "../store/alerts";
import { useApp } from "../store/context";

function durationText(minutes: number): string {
  return minutes % 1440 === 0 ? tf("alert.days", { n: minutes / 1440 }) : tf("alert.hours", { n: minutes / 60 });
}

/** Acknowledge (with a comment for the record) or silence an alert; supervisors and admins only. */
export function AlertActions(props: { projectId: string; alert: AlertView }) {
  const app = useApp();
  const [open, setOpen] = createSignal<"ack" | "silence" | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const comment = String(form.get("comment") ?? "").trim();
    setBusy(true);
    const result: ActionResult =
      open() === "ack"
        ? await app.alerts.acknowledge(props.projectId, props.alert, comment)
        : await app.alerts.silence(props.projectId, props.alert, Number(form.get("minutes")), comment);
    setBusy(false);
    if (result.ok) setOpen(null);
    setError(result.ok ? null : result.message || t("common.offlineAction"));
  };
  return (
    <div class="alert__actions">
      <Show
        when={open()}
        fallback={
          <>
            <Show when={alertActions(props.alert).acknowledge}>
              <button type="button" class="button button--small" onClick={() => setOpen("ack")}>
                {t("alert.ack")}
              </button>
            </Show>
            <button type="button" class="button button--small button--quiet" onClick={() => setOpen("silence")}>
              {t("alert.silence")}
            </button>
          </>
        }
      >
        <form class="alert__form" onSubmit={submit}>
          <Switch>
            <Match when={open() === "silence"}>
              <label class="field">
                <span>{t("alert.silenceFor")}</span>
                <select name="minutes">
                  <For each={SILENCE_CHOICES_MINUTES}>{(m) => <option value={m}>{durationText(m)}</option>}</For>
                </select>
              </label>
            </Match>
          </Switch>
          <label class="field">
            <span>{t("alert.comment")}</span>
            <textarea name="comment" rows="2" maxLength={1000} />
          </label>
          <div class="row">
            <button type="submit" class="button button--small" disabled={busy()}>
              {open() === "ack" ? t("alert.ack") : t("alert.silence")}
            </button>
            <button type="button" class="button button--small button--quiet" onClick={() => setOpen(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Show>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
