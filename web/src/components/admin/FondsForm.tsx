import { Show, createSignal } from "solid-js";
import type { FondsPlan } from "../../../../schema/wire";
import { apiClient } from "../../api";
import { t } from "../../i18n";
import { Field, FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { focusFirstInvalid, send } from "./send";

/** PATCH /projects/:id/fonds/:code: the fonds' name, agency and restricted flag, in one request (audited);
 * marking it restricted first says what leaders will no longer see. */
export function FondsForm(props: { projectId: string; fonds: FondsPlan; headers: () => Record<string, string>; onDone: () => void }) {
  const [name, setName] = createSignal(props.fonds.name);
  const [agency, setAgency] = createSignal(props.fonds.agency);
  const [restricted, setRestricted] = createSignal(props.fonds.restricted);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const json = { name: name(), agency: agency(), restricted: restricted() };
    const param = { projectId: props.projectId, fondsCode: props.fonds.code };
    const r = await send(() => apiClient().projects[":projectId"].fonds[":fondsCode"].$patch({ param, json }, { headers: props.headers() }), ["name", "agency", "restricted"]);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    props.onDone();
  };
  return (
    <form class="form fonds-form" onSubmit={submit} noValidate>
      <Field name="name" label={t("plan.fondsName")} value={name()} onInput={setName} error={errors().fields.name} maxLength={300} wide />
      <Field name="agency" label={t("plan.agency")} value={agency()} onInput={setAgency} error={errors().fields.agency} maxLength={300} wide />
      <label class="check">
        <input type="checkbox" name="restricted" checked={restricted()} onChange={(e) => setRestricted(e.currentTarget.checked)} />
        {t("plan.restrictedLabel")}
      </label>
      <Show when={restricted() !== props.fonds.restricted}>
        <p class="notice notice--warning" role="note">
          {restricted() ? t("plan.restrictWarning") : t("plan.unrestrictWarning")}
        </p>
      </Show>
      <FormMessage error={errors().message} />
      <div class="admin__actions">
        <button type="submit" class="button">
          {t("admin.save")}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onDone()}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
