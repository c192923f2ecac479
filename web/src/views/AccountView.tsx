import { Show, createSignal, type JSX } from "solid-js";
import { t, tf, type MessageKey } from "../i18n";
import { navigate } from "../router";
import { useApp } from "../store/context";
import { FormMessage } from "../components/FormMessage";

type Field = "currentPassword" | "newPassword" | "confirm";
/** Same as a new account's minimum (schema/api.ts UserCreateSchema); the server checks it too. */
const MIN_LENGTH = 10;

/** One's own account: a new password (other devices are signed out by it) and signing out everywhere
 * (worker/routes/account.ts). */
export default function AccountView() {
  const app = useApp();
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<number | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [signOutFailed, setSignOutFailed] = createSignal(false);

  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const current = String(data.get("currentPassword") ?? "");
    const next = String(data.get("newPassword") ?? "");
    const found: Partial<Record<Field, string>> = {};
    if ([...next].length < MIN_LENGTH) found.newPassword = t("account.tooShort");
    else if (next !== String(data.get("confirm") ?? "")) found.confirm = t("account.mismatch");
    setErrors(found);
    setFormError(null);
    setDone(null);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form);
    setBusy(true);
    const r = await app.session.changePassword(current, next);
    setBusy(false);
    if (r.ok) {
      form.reset();
      setDone(r.otherSessionsEnded);
    } else if (r.field) {
      setErrors({ [r.field]: r.message });
      focusFirstInvalid(form);
    } else setFormError(r.message || t("account.failed"));
  };

  const signOutEverywhere = async () => {
    const ok = await app.session.signOutEverywhere();
    setSignOutFailed(!ok);
    if (ok) navigate("/");
  };

  return (
    <div class="view">
      <div class="view__head">
        <h1 class="view__title">{t("account.title")}</h1>
      </div>
      <p>
        {app.session.me()?.user.name} · {app.session.me()?.user.email}
      </p>
      <section class="panel account" aria-labelledby="password-title">
        <h2 id="password-title" class="section-title">
          {t("account.password")}
        </h2>
        <form class="form" onSubmit={submit} noValidate>
          <PasswordField name="currentPassword" label="account.current" autocomplete="current-password" error={errors().currentPassword} />
          <PasswordField name="newPassword" label="account.new" autocomplete="new-password" error={errors().newPassword} hint={t("account.newHint")} />
          <PasswordField name="confirm" label="account.confirm" autocomplete="new-password" error={errors().confirm} />
          <FormMessage error={formError()} ok={done() === null ? null : tf("account.changed", { n: done() ?? 0 })} />
          <button type="submit" class="button" disabled={busy()}>
            {t("account.changePassword")}
          </button>
        </form>
      </section>
      <section class="panel account" aria-labelledby="sessions-title">
        <h2 id="sessions-title" class="section-title">
          {t("account.sessions")}
        </h2>
        <p>{t("account.sessionsHint")}</p>
        <FormMessage error={signOutFailed() ? t("account.failed") : null} />
        <button type="button" class="button button--danger account__everywhere" onClick={() => void signOutEverywhere()}>
          {t("account.signOutEverywhere")}
        </button>
      </section>
    </div>
  );
}

/** A password input with its error (or hint) right under it, tied to it for screen readers. */
function PasswordField(props: { name: Field; label: MessageKey; autocomplete: string; error?: string; hint?: string }): JSX.Element {
  const noteId = `${props.name}-note`;
  return (
    <label class="field account__field" classList={{ "field--invalid": !!props.error }}>
      <span>{t(props.label)}</span>
      <input
        name={props.name}
        type="password"
        autocomplete={props.autocomplete}
        required
        maxLength={200}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error || props.hint ? noteId : undefined}
      />
      <Show when={props.error} fallback={<Show when={props.hint}>{(hint) => <small id={noteId}>{hint()}</small>}</Show>}>
        {(error) => (
          <small id={noteId} class="form-error">
            {error()}
          </small>
        )}
      </Show>
    </label>
  );
}

function focusFirstInvalid(form: HTMLFormElement): void {
  queueMicrotask(() => form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus());
}
