import { For, Show, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { roleName, t, tf } from "../../i18n";
import type { Role } from "../../roles";
import { Field, FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { PasswordOnce } from "./PasswordOnce";
import { RoleSelect } from "./RoleSelect";
import { focusFirstInvalid, send } from "./send";

/** A new account with its role in one of the caller's provinces, in one request
 * (POST /provinces/:id/users, worker/routes/people.ts). The initial password is shown here once. */
export function CreateAccount(props: { provinces: readonly { id: string; name: string }[]; headers: () => Record<string, string>; onCreated: () => void }) {
  const [province, setProvince] = createSignal(props.provinces[0]?.id ?? "");
  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [role, setRole] = createSignal<Role>("leader");
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const [created, setCreated] = createSignal<{ email: string; name: string; role: string; password: string } | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    setCreated(null);
    setBusy(true);
    const json = { email: email(), name: name(), role: role() };
    const r = await send<{ email: string; name: string; role: string; initialPassword: string }>(
      () => apiClient().provinces[":provinceId"].users.$post({ param: { provinceId: province() }, json }, { headers: props.headers() }),
      ["email", "name", "role"],
    );
    setBusy(false);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    setErrors({ fields: {}, message: null });
    setCreated({ email: r.body.email, name: r.body.name, role: r.body.role, password: r.body.initialPassword });
    setEmail("");
    setName("");
    props.onCreated();
  };

  return (
    <>
      <form class="form admin__form" onSubmit={submit} noValidate>
        <div class="row">
          <Field name="province" label={t("people.province")}>
            <select name="province" value={province()} onChange={(e) => setProvince(e.currentTarget.value)}>
              <For each={props.provinces}>{(p) => <option value={p.id}>{p.name}</option>}</For>
            </select>
          </Field>
          <RoleSelect value={role()} onChange={setRole} error={errors().fields.role} />
        </div>
        <div class="row">
          <Field name="name" label={t("users.name")} placeholder="Nguyễn Thị Lan" value={name()} onInput={setName} error={errors().fields.name} maxLength={120} />
          <Field name="email" label={t("users.email")} type="email" inputMode="email" placeholder="lan.nt@snv.khanhhoa.gov.vn" value={email()} onInput={setEmail} error={errors().fields.email} maxLength={200} />
        </div>
        <p class="admin__hint">{t("people.roleHint")}</p>
        <FormMessage error={errors().message} />
        <button type="submit" class="button" disabled={busy() || province() === ""}>
          {t("people.create")}
        </button>
      </form>
      <Show when={created()}>{(c) => <PasswordOnce lead={tf("people.created", { name: c().name, email: c().email, role: roleName(c().role) })} label={t("people.initialPassword")} password={c().password} />}</Show>
    </>
  );
}
