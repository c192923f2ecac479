import { Show, createResource, createSignal, lazy } from "solid-js";
import { apiClient } from "../api";
import { t } from "../i18n";
import { valueOf } from "../resource";
import type { SignInResult } from "../store/session";

// Used once in a deployment's life: not in the first load.
const FirstRun = lazy(() => import("./FirstRun"));

/** Whether the deployment has no account yet (GET /api/v1/first-run); a failed ask offers nothing. */
async function firstRunOpen(): Promise<boolean> {
  try {
    const res = await apiClient()["first-run"].$get();
    return res.ok && (await res.json()).open;
  } catch {
    return false;
  }
}

/** Email and password; the session cookie set by the server opens the API and the live feed. While no
 * account exists, the page offers the first run instead (components/FirstRun.tsx). */
export function SignIn(props: { signIn: (email: string, password: string) => Promise<SignInResult> }) {
  const [error, setError] = createSignal<Exclude<SignInResult, { ok: true }>["reason"] | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [open, { mutate }] = createResource(firstRunOpen);
  const [settingUp, setSettingUp] = createSignal(false);
  const [taken, setTaken] = createSignal(false);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const result = await props.signIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    setBusy(false);
    setError(result.ok ? null : result.reason);
  };
  const onTaken = () => {
    mutate(false);
    setSettingUp(false);
    setTaken(true);
  };
  return (
    <Show
      when={!settingUp()}
      fallback={<FirstRun signIn={props.signIn} onTaken={onTaken} onBack={() => setSettingUp(false)} />}
    >
      <form class="signin" onSubmit={submit}>
        <h1 class="section-title">{t("session.signIn")}</h1>
        <Show when={taken()}>
          <p class="notice" role="status">
            {t("firstRun.taken")}
          </p>
        </Show>
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
      <Show when={valueOf(open)}>
        <section class="panel signin signin__first-run" aria-labelledby="first-run-offer">
          <p id="first-run-offer">{t("firstRun.offer")}</p>
          <button type="button" class="button" onClick={() => setSettingUp(true)}>
            {t("firstRun.start")}
          </button>
        </section>
      </Show>
    </Show>
  );
}
