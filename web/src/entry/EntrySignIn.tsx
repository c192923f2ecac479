import { Show, createSignal } from "solid-js";
import { t } from "../i18n";
import { searchParams } from "../router";
import type { EntryStore } from "./entry-store";

/** The station token, given once by an administrator (POST /stations shows it once), kept in this browser. */
export function EntrySignIn(props: { store: EntryStore }) {
  const [error, setError] = createSignal<"token" | "project" | "network" | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    const r = await props.store.signIn(String(data.get("project") ?? ""), String(data.get("token") ?? ""));
    setBusy(false);
    setError(r.ok ? null : r.reason);
  };
  return (
    <form class="signin" onSubmit={submit}>
      <h2 class="section-title">{t("entry.signIn")}</h2>
      <p class="empty">{t("entry.signInHelp")}</p>
      <label class="field">
        <span>{t("entry.project")}</span>
        <input name="project" required autocomplete="off" value={searchParams().get("project") ?? ""} />
      </label>
      <label class="field">
        <span>{t("entry.token")}</span>
        <input name="token" type="password" required autocomplete="off" />
      </label>
      <Show when={error()}>
        {(reason) => (
          <p class="signin__error" role="alert">
            {t(`entry.error.${reason()}`)}
          </p>
        )}
      </Show>
      <button type="submit" class="button" disabled={busy()}>
        {t("entry.signIn")}
      </button>
    </form>
  );
}
