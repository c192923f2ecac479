import { createSignal, type JSX } from "solid-js";
import { t } from "../../i18n";
import type { ActionResult } from "../../store/action";
import { FormMessage, outcomeOf, type FormOutcome } from "../FormMessage";

/** The frame of the three inspection forms: a title, fields, submit, and the outcome in words.
 * `send` reads the form's data and returns a message instead when a field is invalid. */
export function InspectionForm(props: { id: string; title: string; children: JSX.Element; send: (data: FormData) => Promise<ActionResult> | string }) {
  const [message, setMessage] = createSignal<FormOutcome | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const sent = props.send(new FormData(form));
    if (typeof sent === "string") return setMessage({ ok: false, text: sent });
    setBusy(true);
    const r = await sent;
    setBusy(false);
    setMessage(outcomeOf(r, t("inspections.done")));
    if (r.ok) form.querySelectorAll<HTMLInputElement>("input[data-clear]").forEach((i) => (i.value = ""));
  };
  return (
    <form class="form panel" onSubmit={submit} aria-labelledby={props.id}>
      <h2 id={props.id} class="section-title">
        {props.title}
      </h2>
      <div class="form__grid">
        {props.children}
        <button type="submit" class="button" disabled={busy()}>
          {t("inspections.submit")}
        </button>
      </div>
      <FormMessage outcome={message()} />
    </form>
  );
}
