import { Show, createSignal } from "solid-js";
import { t } from "../i18n";
import type { SignInResult } from "../store/session";

/** Email and password; the session cookie set by the server opens the API and the live feed. */
export function SignIn(props: { signIn: (email: string, password: string) => Promise<SignInResult> }) {
  const [error, setError] = createSignal<Exclude<SignInResult, { ok: true }>["reason"] | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const result = await props.signIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    setBusy(false);
    setError(result.ok ? null : result.reason);
  };
  return (
    <form class="signin" onSubmit={submit}>
      <h1 class="section-title">{t("session.signIn")}</h1>
      <label class="field">
        <span>{t("session.email")}</span>
        <input name="email" type="email" autocomplete="username" required />
      </label>
      <label class="field">
        <span>{t("session.password")}</span>
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <Show when={error()}>
        {(reason) => (
          <p class="signin__error" role="alert">
            {t(`session.${reason()}`)}
          </p>
        )}
      </Show>
      <button type="submit" class="button" disabled={busy()}>
        {t("session.signIn")}
      </button>
    </form>
  );
}
