import { For, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { t } from "../../i18n";
import type { Role } from "../../roles";
import { Field, FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { RoleSelect } from "./RoleSelect";
import { focusFirstInvalid, send } from "./send";
/** "system", "province:<id>" or "project:<id>" */
export interface Scope {
  key: string;
  label: string;
}

/** A role for an existing account, on a province, one project, or (system admins) everywhere; granting
 * again replaces the role held on that scope (worker/routes/users.ts). */
export function GrantRole(props: { scopes: readonly Scope[]; headers: () => Record<string, string>; onGranted: () => void }) {
  const [scope, setScope] = createSignal(props.scopes[0]?.key ?? "");
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<Role>("leader");
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const [done, setDone] = createSignal(false);

  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    setDone(false);
    const json = { email: email(), role: role() };
    const headers = { headers: props.headers() };
    const [kind, id = ""] = scope().split(":");
    const api = apiClient();
    const call =
      kind === "project"
        ? () => api.projects[":projectId"].members.$post({ param: { projectId: id }, json }, headers)
        : kind === "province"
          ? () => api.provinces[":provinceId"].members.$post({ param: { provinceId: id }, json }, headers)
          : () => api.members.$post({ json }, headers);
    const r = await send(call, ["email", "role"]);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    setErrors({ fields: {}, message: null });
    setDone(true);
    setEmail("");
    props.onGranted();
  };

  return (
    <form class="form admin__form" onSubmit={submit} noValidate>
      <div class="row">
        <Field name="email" label={t("users.email")} type="email" inputMode="email" value={email()} onInput={setEmail} error={errors().fields.email} maxLength={200} />
        <Field name="scope" label={t("people.scope")}>
          <select name="scope" value={scope()} onChange={(e) => setScope(e.currentTarget.value)}>
            <For each={props.scopes}>{(s) => <option value={s.key}>{s.label}</option>}</For>
          </select>
        </Field>
        <RoleSelect value={role()} onChange={setRole} error={errors().fields.role} />
      </div>
      <FormMessage error={errors().message} ok={done() ? t("people.granted") : null} />
      <button type="submit" class="button" disabled={scope() === ""}>
        {t("people.grant")}
      </button>
    </form>
  );
}
