import { For, Match, Show, Switch, createSignal } from "solid-js";
import type { AlertView } from "../../../schema/wire";
import { t, tf } from "../i18n";
import { actionable } from "../live/alerts";
import type { ActionResult } from "../store/action";
import { SILENCE_CHOICES_MINUTES } from "../store/alerts";
import { useApp } from "../store/context";
import { errorOf, FormMessage } from "./FormMessage";

function durationText(minutes: number): string {
  return minutes % 1440 === 0 ? tf("alert.days", { n: minutes / 1440 }) : tf("alert.hours", { n: minutes / 60 });
}

/**
 * Acknowledge (with a comment for the record), silence or unsilence one alert or, with `bulk`, every alert
 * of a group it applies to, in one all-or-nothing call; supervisors and admins only.
 */
export function AlertActions(props: { projectId: string; alerts: readonly AlertView[]; bulk?: boolean }) {
  const app = useApp();
  const [open, setOpen] = createSignal<"ack" | "silence" | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const toAck = () => actionable(props.alerts, "acknowledge", app.clock());
  const toSilence = () => actionable(props.alerts, "silence", app.clock());
  const toUnsilence = () => actionable(props.alerts, "unsilence", app.clock());
  const label = (key: "alert.ack" | "alert.silence" | "alert.unsilence", bulkKey: "alert.bulkAck" | "alert.bulkSilence" | "alert.bulkUnsilence", n: number) => (props.bulk ? tf(bulkKey, { n }) : t(key));
  const done = (result: ActionResult) => {
    setBusy(false);
    if (result.ok) setOpen(null);
    setError(errorOf(result));
  };
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const comment = String(form.get("comment") ?? "").trim();
    setBusy(true);
    done(
      open() === "ack"
        ? await app.alerts.acknowledge(props.projectId, toAck(), comment)
        : await app.alerts.silence(props.projectId, toSilence(), Number(form.get("minutes")), comment),
    );
  };
  const unsilence = async () => {
    setBusy(true);
    done(await app.alerts.unsilence(props.projectId, toUnsilence()));
  };
  return (
    <div class="alert__actions">
      <Show
        when={open()}
        fallback={
          <>
            <Show when={toAck().length > 0}>
              <button type="button" class="button button--small" onClick={() => setOpen("ack")}>
                {label("alert.ack", "alert.bulkAck", toAck().length)}
              </button>
            </Show>
            <Show when={toSilence().length > 0}>
              <button type="button" class="button button--small button--quiet" onClick={() => setOpen("silence")}>
                {label("alert.silence", "alert.bulkSilence", toSilence().length)}
              </button>
            </Show>
            <Show when={toUnsilence().length > 0}>
              <button type="button" class="button button--small button--quiet" disabled={busy()} onClick={unsilence}>
                {label("alert.unsilence", "alert.bulkUnsilence", toUnsilence().length)}
              </button>
            </Show>
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
              {open() === "ack" ? label("alert.ack", "alert.bulkAck", toAck().length) : label("alert.silence", "alert.bulkSilence", toSilence().length)}
            </button>
            <button type="button" class="button button--small button--quiet" onClick={() => setOpen(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Show>
      <FormMessage error={error()} />
    </div>
  );
}
