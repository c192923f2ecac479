import { createSignal } from "solid-js";
import { apiClient } from "../api";
import { t } from "../i18n";
import type { SignInResult } from "../store/session";
import { Field, FormMessage } from "./admin/Field";
import type { FormErrors } from "./admin/form-errors";
import { focusFirstInvalid, send } from "./admin/send";
import "../styles/admin.css";

/** The first start of an empty deployment (POST /api/v1/first-run, worker/routes/first-run.ts): whoever
 * holds the server's operator token opens the first system administrator's account here and is signed
 * in with it. The token goes with this one request and is kept nowhere. */
export default function FirstRun(props: { signIn: (email: string, password: string) => Promise<SignInResult>; onTaken: () => void; onBack: () => void }) {
  const [token, setToken] = createSignal("");
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    // An operator token is printable ASCII; anything else could not even be sent in a header.
    if (!/^[\x21-\x7e]+$/.test(token().trim())) {
      setErrors({ fields: { operatorToken: t("firstRun.wrongToken") }, message: null });
      return focusFirstInvalid(form);
    }
    setBusy(true);
    let status = 0;
    const r = await send(async () => {
      const res = await apiClient()["first-run"].$post({ json: { name: name(), email: email(), password: password() } }, { headers: { Authorization: `Bearer ${token().trim()}` } });
      status = res.status;
      return res;
    }, ["name", "email", "password"]);
    if (r.ok) {
      const signedIn = await props.signIn(email(), password());
      setBusy(false);
      if (!signedIn.ok) setErrors({ fields: {}, message: t(`session.${signedIn.reason}`) });
      return;
    }
    setBusy(false);
    if (status === 409) return props.onTaken();
    // The operator token is checked before anything else: its refusal belongs beside its own field.
    setErrors(status === 401 ? { fields: { operatorToken: t("firstRun.wrongToken") }, message: null } : r.errors);
    focusFirstInvalid(form);
  };

  return (
    <form class="signin form" onSubmit={submit} noValidate aria-labelledby="first-run-title">
      <h1 id="first-run-title" class="section-title">
        {t("firstRun.title")}
      </h1>
      <p>{t("firstRun.intro")}</p>
      <Field name="operatorToken" label={t("firstRun.token")} type="password" autocomplete="off" value={token()} onInput={setToken} error={errors().fields.operatorToken} maxLength={200} />
      <Field name="name" label={t("firstRun.name")} placeholder="Nguyễn Văn An" value={name()} onInput={setName} error={errors().fields.name} maxLength={120} />
      <Field name="email" label={t("users.email")} type="email" inputMode="email" autocomplete="username" value={email()} onInput={setEmail} error={errors().fields.email} maxLength={200} />
      <Field
        name="password"
        label={t("firstRun.password")}
        type="password"
        autocomplete="new-password"
        hint={t("firstRun.passwordHint")}
        value={password()}
        onInput={setPassword}
        error={errors().fields.password}
        maxLength={200}
      />
      <FormMessage error={errors().message} />
      <div class="admin__actions">
        <button type="submit" class="button" disabled={busy()}>
          {t("firstRun.submit")}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onBack()}>
          {t("firstRun.back")}
        </button>
      </div>
    </form>
  );
}
