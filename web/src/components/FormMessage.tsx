import { Show, type JSX } from "solid-js";
import { t } from "../i18n";
import type { ActionResult } from "../store/action";

/** How a form's submit went, in words: its own message or the server's. */
export type FormOutcome = { ok: boolean; text: string };

/** Why a write did not go through: the server's reason, or that the network is down; null when it did. */
export function errorOf(r: ActionResult): string | null {
  return r.ok ? null : r.message || t("common.offlineAction");
}

/** A write's result in words: `done` when it went through, else errorOf. */
export function outcomeOf(r: ActionResult, done: string): FormOutcome {
  return r.ok ? { ok: true, text: done } : { ok: false, text: errorOf(r)! };
}

/**
 * A form's message that belongs to no field, by its button: an error is read out at once (role alert),
 * a success politely (role status). `outcome` carries either.
 */
export function FormMessage(props: { error?: string | null | undefined; ok?: string | null; outcome?: FormOutcome | null }): JSX.Element {
  const error = () => props.error || (props.outcome?.ok === false ? props.outcome.text : null);
  const ok = () => props.ok || (props.outcome?.ok ? props.outcome.text : null);
  return (
    <>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={ok()}>
        <p class="form-ok" role="status">
          {ok()}
        </p>
      </Show>
    </>
  );
}
