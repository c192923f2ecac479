// The dashboard's shell: the stores (store/context.tsx), the top bar, sign-in, and the view the address
// names (router.ts). Views other than the province overview are loaded when first opened, so Chart.js
// and the entry page's code are not in the first load (npm run build prints the first-load size).
import { Match, Show, Suspense, Switch, createEffect, createMemo, lazy, on, type JSX } from "solid-js";
import { Link } from "./components/Link";
import { SignIn } from "./components/SignIn";
import { TopBar } from "./components/TopBar";
import { locale, t } from "./i18n";
import { focusWhenShown } from "./focus-rescue";
import { pageTitle } from "./page-title";
import { navigate, pathOf, route, type Route } from "./router";
import { AppProvider, useApp } from "./store/context";
import Overview from "./views/Overview";

const ProjectView = lazy(() => import("./views/ProjectView"));
const FondsView = lazy(() => import("./views/FondsView"));
const StationView = lazy(() => import("./views/StationView"));
const RulesView = lazy(() => import("./views/RulesView"));
const AlertHistoryView = lazy(() => import("./views/AlertHistoryView"));
const ReportsView = lazy(() => import("./views/ReportsView"));
const ReportView = lazy(() => import("./views/ReportView"));
const InspectionsView = lazy(() => import("./views/InspectionsView"));
const EntryView = lazy(() => import("./views/EntryView"));
const WallView = lazy(() => import("./views/WallView"));
const AccountView = lazy(() => import("./views/AccountView"));
const UsersView = lazy(() => import("./views/UsersView"));
// Setting provinces up (web/src/views/admin): administrators only, so never in the first load.
const ProvincesView = lazy(() => import("./views/admin/ProvincesView"));
const ProjectSetupView = lazy(() => import("./views/admin/ProjectSetupView"));
const PlanView = lazy(() => import("./views/admin/PlanView"));
const StationsView = lazy(() => import("./views/admin/StationsView"));
const DisplaysView = lazy(() => import("./views/admin/DisplaysView"));
const AuditView = lazy(() => import("./views/admin/AuditView"));

function viewFor(r: Route): JSX.Element {
  switch (r.name) {
    case "overview":
      return <Overview />;
    case "project":
      return <ProjectView projectId={r.projectId} />;
    case "fonds":
      return <FondsView projectId={r.projectId} code={r.code} />;
    case "station":
      return <StationView projectId={r.projectId} stationId={r.stationId} />;
    case "rules":
      return <RulesView projectId={r.projectId} />;
    case "alertHistory":
      return <AlertHistoryView projectId={r.projectId} />;
    case "reports":
      return <ReportsView projectId={r.projectId} />;
    case "report":
      return <ReportView projectId={r.projectId} reportId={r.reportId} />;
    case "inspections":
      return <InspectionsView projectId={r.projectId} />;
    case "wall":
      return <WallView />;
    case "entry":
      return <EntryView />;
    case "account":
      return <AccountView />;
    case "users":
      return <UsersView />;
    case "admin":
      return <ProvincesView />;
    case "newProject":
      return <ProjectSetupView provinceId={r.provinceId} />;
    case "setup":
      return <ProjectSetupView projectId={r.projectId} />;
    case "plan":
      return <PlanView projectId={r.projectId} />;
    case "stations":
      return <StationsView projectId={r.projectId} />;
    case "displays":
      return <DisplaysView projectId={r.projectId} />;
    case "provinceDisplays":
      return <DisplaysView provinceId={r.provinceId} />;
    case "audit":
      return <AuditView scope={{ provinceId: r.provinceId }} />;
    case "projectAudit":
      return <AuditView scope={{ projectId: r.projectId }} />;
    case "systemAudit":
      return <AuditView scope="system" />;
    case "notFound":
      return <Missing text={t("nav.notFound")} />;
  }
}

/** A page that is not there says so as its heading, and offers the way back. */
function Missing(props: { text: string }) {
  return (
    <div class="view">
      <h1 class="view__title notice notice--error">{props.text}</h1>
      <p>
        <Link class="button button--quiet" href={pathOf({ name: "overview" })}>
          {t("nav.overview")}
        </Link>
      </p>
    </div>
  );
}

/** The signed-in views; a project the user may not see (or that does not exist) is said so, not loaded forever. */
function SignedIn(props: { route: Route }) {
  const app = useApp();
  const unknown = () => "projectId" in props.route && app.projects.provinces() !== undefined && !app.projects.find(props.route.projectId);
  return (
    <Show when={!unknown()} fallback={<Missing text={t("picker.unknown")} />}>
      {viewFor(props.route)}
    </Show>
  );
}

function Shell() {
  const app = useApp();
  // Compared by value: a new object for the same address must not re-mount the view.
  const current = createMemo(route, undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  let main!: HTMLElement;
  // The first live page's address (/?project=…) becomes the project page's.
  createEffect(() => {
    const r = current();
    if (r.name === "project" && window.location.pathname === "/") navigate(pathOf(r), { replace: true });
  });
  createEffect(() => {
    document.documentElement.lang = locale();
    const r = app.session.me() === null ? "signIn" : current();
    document.title = pageTitle(r, (id) => app.projects.find(id)?.name ?? id);
  });
  // After a click to another view, or signing in (which removes the form that had focus), screen readers
  // and the keyboard start at the view's content rather than at the top of the document.
  // A link to a part of the view (a card's "N alerts" → #alerts) goes on to that part.
  createEffect(
    on([current, () => !!app.session.me()], () => (window.location.hash ? focusWhenShown(window.location.hash.slice(1)) : main.focus({ preventScroll: true })), { defer: true }),
  );
  const bare = () => current().name === "wall";
  const loading = <p class="project__loading">{t("project.loading")}</p>;
  return (
    <>
      <a class="skip" href="#main">
        {t("nav.skip")}
      </a>
      <Show when={!bare()}>
        <TopBar />
      </Show>
      <main id="main" ref={main} class="page" classList={{ "page--bare": bare() }} tabIndex={-1}>
        <Suspense fallback={loading}>
          <Switch>
            {/* The entry page has no user session: a station signs in with its own token. */}
            <Match when={current().name === "entry"}>{viewFor(current())}</Match>
            <Match when={app.display.error() || app.session.error() || app.projects.error()}>
              <p class="notice notice--error" role="alert">
                {t("picker.failed")}{" "}
                <button type="button" class="button" onClick={() => void (app.display.error() ? app.display.refetch() : app.session.error() ? app.session.refetch() : app.projects.refetch())}>
                  {t("picker.retry")}
                </button>
              </p>
            </Match>
            {/* A meeting-room screen on a display token: its wall, and nothing of anyone's account. */}
            <Match when={current().name === "wall" && app.display.info()}>
              <WallView />
            </Match>
            <Match when={app.session.me() === null}>
              <SignIn signIn={app.session.signIn} />
            </Match>
            <Match when={app.session.me()}>
              <Show when={current()} keyed>
                {(r) => <SignedIn route={r} />}
              </Show>
            </Match>
          </Switch>
        </Suspense>
      </main>
    </>
  );
}

export function App() {
  return (
    <AppProvider>
      <Shell />
    </AppProvider>
  );
}
