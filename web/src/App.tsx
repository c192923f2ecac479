// The live page of one project (issue: "a minimal live page showing one project's totals updating
// without reload"), behind sign-in. The full dashboard with charts and alerts comes later.
import { Match, Show, Switch, createEffect, createMemo } from "solid-js";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { ProjectLive } from "./components/ProjectLive";
import { ProjectPicker } from "./components/ProjectPicker";
import { SignIn } from "./components/SignIn";
import { locale, t } from "./i18n";
import { chooseProject, createProjectList, createProjectParam } from "./projects";
import { createSession } from "./session";

export function App() {
  const session = createSession();
  const { provinces, error: provincesError, refetch } = createProjectList(() => session.me()?.user.id);
  const { projectParam, setProjectParam } = createProjectParam();
  const project = createMemo(() => chooseProject(provinces() ?? [], projectParam()));
  // The keyed <Show> below re-mounts ProjectLive (and so opens a new feed) only when this changes.
  const projectId = createMemo(() => project()?.id);

  createEffect(() => {
    document.documentElement.lang = locale();
    const name = project()?.name;
    document.title = name ? `${name} — ${t("app.title")}` : t("app.title");
  });

  return (
    <>
      <header class="topbar">
        <h1 class="topbar__title">{t("app.title")}</h1>
        <div class="topbar__tools">
          <Show when={session.me()}>
            {(me) => (
              <span class="topbar__user">
                <span class="topbar__name">{me().user.name}</span>
                <button type="button" class="topbar__signout" onClick={() => void session.signOut()}>
                  {t("session.signOut")}
                </button>
              </span>
            )}
          </Show>
          <LanguageSwitch />
        </div>
      </header>
      <main class="page">
        <Switch>
          <Match when={session.error() || provincesError()}>
            <p class="notice notice--error" role="alert">
              {t("picker.failed")}{" "}
              <button type="button" class="button" onClick={() => void (session.error() ? session.refetch() : refetch())}>
                {t("picker.retry")}
              </button>
            </p>
          </Match>
          <Match when={session.me() === null}>
            <SignIn signIn={session.signIn} />
          </Match>
          <Match when={provinces()}>
            {(list) => (
              <Show when={list().some((p) => p.projects.length > 0)} fallback={<p class="notice">{t("picker.none")}</p>}>
                <ProjectPicker provinces={list()} projectId={project()?.id} onSelect={setProjectParam} />
                <Show when={projectId()} keyed fallback={<p class="notice notice--error">{t("picker.unknown")}</p>}>
                  {(id) => <ProjectLive projectId={id} />}
                </Show>
              </Show>
            )}
          </Match>
        </Switch>
      </main>
    </>
  );
}
