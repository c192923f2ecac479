import { Show, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { t, tf } from "../../i18n";
import { Field, FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { focusFirstInvalid, send } from "./send";

/**
 * Archive a finished project (read-only from then on, worker/routes/archive.ts), or bring it back when
 * `mayUnarchive` (an admin of its province or a system admin: the server decides the same). A reason is
 * asked and kept in the audit log; a confirmation says what archiving stops.
 */
export function ArchiveProject(props: {
  projectId: string;
  name: string;
  archivedAt: number | null;
  mayUnarchive: boolean;
  headers: () => Record<string, string>;
  onChanged: () => unknown;
}) {
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const archiving = props.archivedAt === null;
    if (!confirm(tf(archiving ? "archive.confirm" : "archive.confirmUnarchive", { name: props.name }))) return;
    setBusy(true);
    const project = apiClient().projects[":projectId"];
    const args = { param: { projectId: props.projectId }, json: { reason: reason() } };
    const r = await send(() => (archiving ? project.archive.$post(args, { headers: props.headers() }) : project.unarchive.$post(args, { headers: props.headers() })), ["reason"]);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    setErrors({ fields: {}, message: null });
    setReason("");
    await props.onChanged();
    setDone(t(archiving ? "archive.done" : "archive.undone"));
  };

  const form = (button: string) => (
    <form class="form admin__form" onSubmit={submit} noValidate>
      <Field name="reason" label={t("archive.reason")} placeholder={t("archive.reasonExample")} value={reason()} onInput={setReason} error={errors().fields.reason} maxLength={1000} wide />
      <FormMessage error={errors().message} ok={done()} />
      <button type="submit" class="button" disabled={busy()}>
        {button}
      </button>
    </form>
  );

  return (
    <Show
      when={props.archivedAt}
      fallback={
        <>
          <p>{t("archive.hint")}</p>
          {form(t("archive.archive"))}
        </>
      }
    >
      <Show when={props.mayUnarchive} fallback={<p class="admin__hint">{t("archive.unarchiveHint")}</p>}>
        {form(t("archive.unarchive"))}
      </Show>
    </Show>
  );
}
