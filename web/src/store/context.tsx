// The dashboard's stores, one factory per concern, combined in one context (STYLE.md "The dashboard"):
// the session, the visible projects, one live feed per project (which writes totals, presence and alerts
// into its state, plan and working calendar included), alert actions and the clock. Views read from here.
import { createContext, createEffect, onCleanup, useContext, type ParentProps } from "solid-js";
import { backoffDelay } from "../live/connection";
import { createAlertActions } from "./alerts";
import { createClock } from "./clock";
import { createDisplay } from "./display";
import { createFeeds } from "./feeds";
import { createProjectList } from "./projects";
import { createSession } from "./session";

function createAppStore() {
  const display = createDisplay();
  const session = createSession(() => display.info() === null);
  const projects = createProjectList(
    () => session.me()?.user.id,
    () => display.info()?.provinces,
  );
  const feeds = createFeeds();
  const clock = createClock();
  const alerts = createAlertActions(session.writeHeaders);
  return { display, session, projects, feeds, clock, alerts };
}

export type AppStore = ReturnType<typeof createAppStore>;

const AppContext = createContext<AppStore>();

/** Loading the session or the project list failed (network, server restarting): try again by itself,
 * backing off, so an unattended wall screen recovers without anyone touching it. */
function retryFailures(store: AppStore): void {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  createEffect(() => {
    const failed = store.display.error() ? store.display.refetch : store.session.error() ? store.session.refetch : store.projects.error() ? store.projects.refetch : null;
    if (!failed) {
      failures = 0;
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void failed();
    }, backoffDelay(failures++));
  });
  onCleanup(() => timer !== null && clearTimeout(timer));
}

export function AppProvider(props: ParentProps) {
  const store = createAppStore();
  retryFailures(store);
  // Signed out: the server closes the session's sockets; the page drops its feeds too.
  createEffect(() => store.session.me() === null && store.feeds.closeAll());
  return <AppContext.Provider value={store}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppStore {
  const store = useContext(AppContext);
  if (!store) throw new Error("useApp outside <AppProvider>");
  return store;
}
